// The debug switch is on only for `1` and `true`: `0`, empty and other values mean off.
import { afterEach, describe, expect, it } from 'vitest';
import { debugEnabled } from '../../src/util/debug.js';

describe('HANDLER_STATE_DEBUG', () => {
  const saved = process.env.HANDLER_STATE_DEBUG;
  afterEach(() => {
    process.env.HANDLER_STATE_DEBUG = saved;
  });

  it.each([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    [' 1 ', true],
    ['0', false],
    ['false', false],
    ['', false],
    ['yes', false],
  ])('%j turns debugging %s', (value, on) => {
    process.env.HANDLER_STATE_DEBUG = value;
    expect(debugEnabled()).toBe(on);
  });

  it('is off when unset', () => {
    delete process.env.HANDLER_STATE_DEBUG;
    expect(debugEnabled()).toBe(false);
  });
});
