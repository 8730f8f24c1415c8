// The one automatic retry Moonlit makes: Kimi's "engine overloaded" 429, before any text arrived.
import type { KimiFailure } from './types';

/** At most two retries (three requests): every request counts against the account's RPM. */
export const MAX_OVERLOAD_RETRIES = 2;

/** Retry n (1-based) waits about 1 s, then about 2 s, spread ±50 % so many clients don't return in step. */
export function overloadDelayMs(retry: number, random: () => number = Math.random): number {
  const base = 1000 * 2 ** (retry - 1);
  return Math.round(base * (0.5 + random()));
}

export const isOverloaded = (f: KimiFailure) => f.kind === 'http' && f.type === 'engine_overloaded_error';

/** A wait that ends early (rejecting) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
