// Retrying calls to the homeserver and the service: honour M_LIMIT_EXCEEDED's retry_after_ms,
// back off exponentially on network errors and 5xx, give up at once on other 4xx.

export type RetryOptions = { signal?: AbortSignal; maxDelayMs?: number; attempts?: number; onRetry?: (error: unknown, delayMs: number) => void };

export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

type ErrorLike = { errcode?: string; httpStatus?: number; data?: { retry_after_ms?: number }; name?: string };

/** Delay asked for by a rate-limit error, or undefined when the error is not one. */
export function rateLimitDelay(error: unknown): number | undefined {
  const e = error as ErrorLike;
  if (e?.errcode !== 'M_LIMIT_EXCEEDED' && e?.httpStatus !== 429) return undefined;
  return e.data?.retry_after_ms ?? 1000;
}

/** True for failures that may pass on a later try: network, 5xx, 429, rate limit. */
export function isTransient(error: unknown): boolean {
  const e = error as ErrorLike;
  if (rateLimitDelay(error) !== undefined) return true;
  if (typeof e?.httpStatus === 'number') return e.httpStatus >= 500 || e.httpStatus === 408;
  if (e?.name === 'AbortError' || e?.name === 'AbortedError') return false;
  return true; // TypeError: fetch failed, ECONNREFUSED, timeouts
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxDelay = options.maxDelayMs ?? 30_000;
  const attempts = options.attempts ?? Infinity;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (options.signal?.aborted) throw new AbortedError();
      if (!isTransient(error) || attempt >= attempts) throw error;
      const delay = rateLimitDelay(error) ?? Math.min(maxDelay, 250 * 2 ** Math.min(attempt - 1, 8));
      options.onRetry?.(error, delay);
      await sleep(delay, options.signal);
    }
  }
}
