/**
 * A tiny in-process cache with a time-to-live and a size bound (oldest first out), for read-mostly reference data
 * on the hot paths (procedure version in force, unit tree, calendar version). What it may serve stale, and for how
 * long, is stated where each cache is declared.
 */
export class TtlCache<V> {
  private readonly map = new Map<string, { at: number; value: V }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 1000,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (now - e.at > this.ttlMs) {
      this.map.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: V, now = Date.now()): void {
    this.map.delete(key);
    this.map.set(key, { at: now, value });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  /** The cached value, or the loader's (cached unless it throws). */
  async through(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const v = await load();
    this.set(key, v);
    return v;
  }

  clear(): void {
    this.map.clear();
  }
}
