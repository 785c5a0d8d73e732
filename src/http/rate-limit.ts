// A fixed-window counter per key (an IP, an IP + email), in memory: enough for one process; a
// scaled-out deployment puts the same limits in its load balancer.

export interface RateLimiter {
  /** Seconds to wait before the key may try again; 0 when it may. */
  retryAfter(key: string, now?: number): number;
  /** Counts one attempt against the key. */
  hit(key: string, now?: number): void;
  reset(key: string): void;
}

export function createRateLimiter(options: { max: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  const current = (key: string, now: number) => {
    const window = windows.get(key);
    return window && now - window.startedAt < options.windowMs ? window : undefined;
  };
  return {
    retryAfter(key, now = Date.now()) {
      const window = current(key, now);
      return window && window.count >= options.max ? Math.ceil((window.startedAt + options.windowMs - now) / 1000) : 0;
    },
    hit(key, now = Date.now()) {
      if (windows.size > 50_000) {
        for (const [k, w] of windows) if (now - w.startedAt >= options.windowMs) windows.delete(k);
      }
      const window = current(key, now);
      if (window) window.count++;
      else windows.set(key, { startedAt: now, count: 1 });
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
