// The least-recently-used cache behind the cross-file caches: bounded by entries and by retained weight.
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/util/bounded-cache.js';

describe('BoundedCache', () => {
  it('evicts the least recently used entry past the entry limit', () => {
    const cache = new BoundedCache<string, number>({ entries: 2, weight: 100 });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // `b` is now the oldest
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('evicts the oldest entries until the total weight fits', () => {
    const cache = new BoundedCache<string, string>({ entries: 10, weight: 100 });
    cache.set('a', 'x', 40);
    cache.set('b', 'x', 40);
    cache.set('c', 'x', 40);
    expect(cache.has('a')).toBe(false);
    expect(cache.has('b')).toBe(true);
    expect(cache.weight).toBe(80);
    cache.set('d', 'x', 90);
    expect([cache.has('b'), cache.has('c'), cache.has('d')]).toEqual([false, false, true]);
    expect(cache.weight).toBe(90);
  });

  it('keeps nothing heavier than the whole budget, and re-weighs an entry set again', () => {
    const cache = new BoundedCache<string, string>({ entries: 10, weight: 100 });
    cache.set('small', 'x', 10);
    cache.set('huge', 'x', 101);
    expect(cache.has('huge')).toBe(false);
    expect(cache.has('small')).toBe(true);
    cache.set('small', 'y', 30);
    expect(cache.weight).toBe(30);
    expect(cache.get('small')).toBe('y');
    cache.delete('small');
    expect(cache.weight).toBe(0);
    cache.set('a', 'x', 5);
    cache.clear();
    expect([cache.size, cache.weight]).toEqual([0, 0]);
  });
});
