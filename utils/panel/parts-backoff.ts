// When a request of a summary in parts failed: wait and send it again, or give up (keeping what is done).
import type { KimiFailure } from '../kimi/types';

/** A rate limit or an overloaded engine: each request counts against the account's limits, so wait, then carry on. */
export const isRateLimited = (f: KimiFailure) => f.kind === 'http' && f.status === 429 && f.type !== 'exceeded_current_quota_error';

/** The connection broke before any text came: sending the same part again loses nothing. */
const isTransient = (f: KimiFailure) => f.kind === 'incomplete' || f.kind === 'network' || f.kind === 'timeout';

/** Waits per part before giving up: enough for Tier 0 (3 requests a minute) to let a part through. */
export const MAX_RATE_RETRIES = 8;
export const MAX_TRANSIENT_RETRIES = 2;
/** No single wait is longer than this, whatever the server says. */
export const MAX_WAIT_MS = 120_000;

/**
 * How long to wait before retry number `retry` (1-based) after `failure`, or null to give up.
 * The server's "try again after N seconds" wins; otherwise 2 s doubling, spread ±50 % so parallel
 * panels don't come back in step, capped at a minute.
 */
export function retryDelayMs(failure: KimiFailure, retry: number, random: () => number = Math.random): number | null {
  if (isRateLimited(failure)) {
    if (retry > MAX_RATE_RETRIES) return null;
    if (failure.retryAfterSeconds !== undefined) {
      return Math.min(MAX_WAIT_MS, Math.round(failure.retryAfterSeconds * 1000 + 250 * random()));
    }
    return Math.min(60_000, Math.round(2000 * 2 ** (retry - 1) * (0.5 + random())));
  }
  if (isTransient(failure) && retry <= MAX_TRANSIENT_RETRIES) return Math.round(1000 * retry * (0.5 + random()));
  return null;
}
