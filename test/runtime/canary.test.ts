// Canary marking of events: every string leaf carries its invocation, without breaking what the handler parses.
import { describe, expect, it } from 'vitest';
import { canariesIn, markEvent, markPath } from '../../src/runtime/canary.js';
import { templateEvent } from '../../src/runtime/templates.js';
import { TEMPLATES } from '../../src/runtime/types.js';

describe('markEvent', () => {
  it('marks every string leaf with the invocation number and keeps numbers, booleans and nulls', () => {
    expect(markEvent({ a: 'x', b: [1, 'y'], c: { d: true, e: null } }, 3)).toEqual({
      a: 'hs-canary-3-x',
      b: [1, 'hs-canary-3-y'],
      c: { d: true, e: null },
    });
  });

  it('marks inside JSON bodies so that JSON.parse still works', () => {
    const marked = markEvent({ body: JSON.stringify({ item: 'widget', n: 2 }) }, 1) as { body: string };
    expect(JSON.parse(marked.body)).toEqual({ item: 'hs-canary-1-widget', n: 2 });
  });

  it('leaves protocol fields, timestamps and empty strings alone', () => {
    const marked = markEvent(
      {
        httpMethod: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-id': '7' },
        time: '2024-01-01',
        note: '',
      },
      2,
    );
    expect(marked).toEqual({
      httpMethod: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-id': 'hs-canary-2-7' },
      time: '2024-01-01',
      note: '',
    });
  });

  it('marks the data parts of a path or URL and keeps route literals, scheme and host', () => {
    expect(markPath('/orders/42?q=shoes', 5)).toBe('/orders/hs-canary-5-42?q=hs-canary-5-shoes');
    expect(markPath('https://api.example.com/users/u1/items', 1)).toBe(
      'https://api.example.com/users/hs-canary-1-u1/items',
    );
    expect(markPath('q=a&page=2', 4)).toBe('q=hs-canary-4-a&page=hs-canary-4-2');
  });

  it('every built-in template carries canaries once marked', () => {
    for (const name of TEMPLATES) {
      expect(canariesIn(JSON.stringify(markEvent(templateEvent(name), 9))), name).toEqual([9]);
    }
  });
});

describe('canariesIn', () => {
  it('names each invocation found once', () => {
    expect(canariesIn('hs-canary-2-a hs-canary-10-b hs-canary-2-c').sort((a, b) => a - b)).toEqual([2, 10]);
    expect(canariesIn('no canary here')).toEqual([]);
  });
});
