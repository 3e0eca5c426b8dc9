/**
 * A fixed-window counter per key, in this process's memory. Good enough to keep one client from
 * hammering public endpoints; several instances each count their own share.
 */
export function createRateLimiter(args: { limit: number; windowMs: number; now?: () => number }) {
  const now = args.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** True when the request may go ahead. */
    take(key: string): boolean {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.start >= args.windowMs) {
        w = { start: t, count: 0 };
        windows.set(key, w);
        if (windows.size > 10_000) {
          for (const [k, v] of windows) if (t - v.start >= args.windowMs) windows.delete(k);
        }
      }
      w.count++;
      return w.count <= args.limit;
    },
    /** True when the key is still under its limit, without counting anything. */
    allows(key: string): boolean {
      const w = windows.get(key);
      return !w || now() - w.start >= args.windowMs || w.count < args.limit;
    },
  };
}
