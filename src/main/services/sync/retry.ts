// Retries with exponential backoff and jitter (p-retry: delay = min(max, minTimeout·2^n) × a random
// factor in [1, 2)). Only network trouble and server errors are retried; every other answer is
// final for this run, and so is a refused connection (nothing listening). A cancel (AbortSignal) stops waiting at once.
import pRetry from 'p-retry';
import { isTransportError } from './transport';

export interface RetryPolicy {
  /** Retries after the first try (default 4: about 8–15 s of trying before "offline"). */
  retries: number;
  /** First delay in ms (default 500) and the cap (default 10 s). */
  minDelay: number;
  maxDelay: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, minDelay: 500, maxDelay: 10_000 };

/** A refused connection is final for the run: it fails at once, so backing off would only hold 同步中 for seconds. */
export function isRetryable(err: unknown): boolean {
  return isTransportError(err) && err.retryable && !err.refused;
}

export function withRetry<T>(policy: RetryPolicy, signal: AbortSignal, fn: () => Promise<T>, onRetry?: (err: unknown, attempt: number) => void): Promise<T> {
  return pRetry(fn, {
    retries: policy.retries,
    minTimeout: policy.minDelay,
    maxTimeout: policy.maxDelay,
    factor: 2,
    randomize: true,
    signal,
    shouldRetry: ({ error }) => isRetryable(error),
    onFailedAttempt: ({ error, attemptNumber }) => onRetry?.(error, attemptNumber),
  });
}
