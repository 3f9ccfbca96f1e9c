/**
 * A short-lived cache for answers that can change (which run is current, targets, counts): kept
 * for `ttlMs` and cleared whenever this process completes a write, so a change made through this
 * API shows at once and a change made elsewhere (the CLI, another server on the same PostgreSQL)
 * within `ttlMs`.
 */
export class TtlCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  constructor(private readonly ttlMs: number) {}

  /** The cached value of key, or compute it (failures are not cached). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = compute();
    value.catch(() => this.entries.delete(key));
    this.entries.set(key, { at: now, value });
    if (this.entries.size > 2000) {
      for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(k);
    }
    return value;
  }

  /** Forget everything (after a write). */
  clear(): void {
    this.entries.clear();
  }
}
