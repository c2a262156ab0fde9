// Retrying calls to the homeserver and the service: honour M_LIMIT_EXCEEDED's retry_after_ms,
// back off exponentially on network errors and 5xx, give up at once on everything else (other
// 4xx, and errors of the bot's own code: a retry would only fail the same way).

export type RetryOptions = { signal?: AbortSignal; maxDelayMs?: number; baseDelayMs?: number; attempts?: number; onRetry?: (error: unknown, delayMs: number) => void };

export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

type ErrorLike = { errcode?: string; httpStatus?: number; data?: { retry_after_ms?: number }; name?: string; message?: string; code?: string; cause?: unknown };

/** Delay asked for by a rate-limit error, or undefined when the error is not one. */
export function rateLimitDelay(error: unknown): number | undefined {
  const e = error as ErrorLike;
  if (e?.errcode !== 'M_LIMIT_EXCEEDED' && e?.httpStatus !== 429) return undefined;
  const asked = e.data?.retry_after_ms;
  return typeof asked === 'number' && asked >= 0 ? asked : 1000;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** True for an error of the network itself: nothing reached the other side, or no answer came back. */
export function isNetworkError(error: unknown): boolean {
  for (let e = error as ErrorLike | undefined, depth = 0; e && depth < 4; e = e.cause as ErrorLike | undefined, depth++) {
    if (e.name === 'ConnectionError' || e.name === 'TimeoutError') return true; // matrix-js-sdk, AbortSignal.timeout
    if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || e.code.startsWith('UND_ERR_'))) return true; // undici
    if (e.name === 'TypeError' && e.message === 'fetch failed') return true;
  }
  return false;
}

export type FailureKind = 'aborted' | 'transient' | 'permanent';

/**
 * What a failure means for a retry. Transient: network, 5xx, 408, 429 / M_LIMIT_EXCEEDED — a later
 * try can succeed. Permanent: any other answer (M_FORBIDDEN, M_NOT_FOUND, 400 …) and any error of
 * the bot's own code — the same request fails the same way until a person changes something.
 */
export function failureKind(error: unknown): FailureKind {
  const e = error as ErrorLike;
  if (e?.name === 'AbortError' || e?.name === 'AbortedError') return 'aborted';
  if (rateLimitDelay(error) !== undefined) return 'transient';
  if (typeof e?.httpStatus === 'number') return e.httpStatus >= 500 || e.httpStatus === 408 ? 'transient' : 'permanent';
  return isNetworkError(error) ? 'transient' : 'permanent';
}

/** True for failures that may pass on a later try: network, 5xx, 408, 429, rate limit. */
export function isTransient(error: unknown): boolean {
  return failureKind(error) === 'transient';
}

/** Exponential back-off: base, 2×base, 4×base … capped at max (attempt counts from 1). */
export function backoffDelay(attempt: number, options: { baseMs?: number; maxMs?: number } = {}): number {
  const base = options.baseMs ?? 250;
  const max = options.maxMs ?? 30_000;
  return Math.min(max, base * 2 ** Math.min(Math.max(attempt, 1) - 1, 20));
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
  const attempts = options.attempts ?? Infinity;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (options.signal?.aborted) throw new AbortedError();
      if (!isTransient(error) || attempt >= attempts) throw error;
      // A rate limit says how long to wait; it is honoured even above the cap.
      const delay = rateLimitDelay(error) ?? backoffDelay(attempt, { baseMs: options.baseDelayMs, maxMs: options.maxDelayMs });
      options.onRetry?.(error, delay);
      await sleep(delay, options.signal);
    }
  }
}
