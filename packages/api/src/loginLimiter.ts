/**
 * A per-address limit on login attempts (sliding window, in memory), in front of the per-account
 * lockout the registry keeps in the database: one address cannot try many usernames quickly.
 */
export type LoginLimiter = {
  /** Records an attempt from key; returns ms to wait when over the limit, else 0. */
  hit(key: string, now?: number): number;
};

/** A limiter allowing `max` attempts per `windowMs` per key. */
export function createLoginLimiter(max: number, windowMs: number): LoginLimiter {
  const attempts = new Map<string, number[]>();
  return {
    hit(key, now = Date.now()) {
      const recent = (attempts.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= max) {
        attempts.set(key, recent);
        return (recent[0] as number) + windowMs - now;
      }
      recent.push(now);
      attempts.set(key, recent);
      // Forget idle addresses so the map stays small.
      if (attempts.size > 10_000) {
        for (const [k, ts] of attempts) if (!ts.some((t) => t > now - windowMs)) attempts.delete(k);
      }
      return 0;
    },
  };
}
