import type { Context, MiddlewareHandler } from 'hono';
import { apiError, MESSAGES } from '../errors.ts';

// Fixed one-minute windows per key, in memory. Enough for one process; on Workers each
// isolate counts for itself, which still stops a single runaway client.

export class WindowCounter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly counts = new Map<string, { start: number; count: number }>();

  constructor(limit: number, windowMs = 60_000) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  get enabled(): boolean {
    return this.limit > 0;
  }

  /** Returns 0 when the hit is allowed, otherwise the seconds until the window resets. */
  hit(key: string, now = Date.now()): number {
    if (this.limit <= 0) return 0;
    let entry = this.counts.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      if (this.counts.size > 50_000) this.sweep(now);
      entry = { start: now, count: 0 };
      this.counts.set(key, entry);
    }
    entry.count++;
    return entry.count > this.limit ? Math.ceil((entry.start + this.windowMs - now) / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.counts) if (now - entry.start >= this.windowMs) this.counts.delete(key);
  }
}

export function tooManyRequests(c: Context, retryAfter: number) {
  return apiError(c, 429, 'rate_limited', MESSAGES.rate_limited, { 'Retry-After': String(retryAfter) });
}

export function rateLimit(counter: WindowCounter, keyOf: (c: Context) => string, exempt?: (c: Context) => boolean): MiddlewareHandler {
  if (!counter.enabled) return async (_c, next) => next();
  return async (c, next) => {
    if (exempt?.(c)) return next();
    const retryAfter = counter.hit(keyOf(c));
    if (retryAfter > 0) return tooManyRequests(c, retryAfter);
    await next();
  };
}
