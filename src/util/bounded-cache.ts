// A least-recently-used map bounded by its number of entries and by the total weight of what it holds (an estimate
// of the bytes each entry retains). The least recently used entries go first; an entry heavier than the whole
// budget is not kept at all.

export interface CacheLimits {
  entries: number;
  /** Total weight, in the unit the caller weighs entries in (retained bytes, estimated). */
  weight: number;
}

export class BoundedCache<K, V> {
  private readonly map = new Map<K, { value: V; weight: number }>();
  private totalWeight = 0;

  constructor(readonly limits: CacheLimits) {}

  get size(): number {
    return this.map.size;
  }

  /** The total weight of the entries held. */
  get weight(): number {
    return this.totalWeight;
  }

  /** The value for `key`, which becomes the most recently used. */
  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Stores `value` as the most recently used entry (again, to weigh it anew), then evicts down to the limits. */
  set(key: K, value: V, weight = 0): void {
    this.delete(key);
    if (weight > this.limits.weight || this.limits.entries <= 0) return;
    this.map.set(key, { value, weight });
    this.totalWeight += weight;
    for (const [oldest, entry] of this.map) {
      if (this.map.size <= this.limits.entries && this.totalWeight <= this.limits.weight) break;
      this.map.delete(oldest);
      this.totalWeight -= entry.weight;
    }
  }

  delete(key: K): void {
    const entry = this.map.get(key);
    if (!entry) return;
    this.map.delete(key);
    this.totalWeight -= entry.weight;
  }

  clear(): void {
    this.map.clear();
    this.totalWeight = 0;
  }
}
