import { balanceCacheItem } from '../storage/items';
import { getBalance } from '../kimi/balance';
import type { PlatformBases } from '../kimi/platform-probe';

/** The panel's low-balance warning is refreshed at most this often: one cheap GET, never on the way to an answer. */
export const BALANCE_EVERY_MS = 5 * 60_000;

/**
 * Called after an answer finished. Checks the balance when the cached figure
 * is older than BALANCE_EVERY_MS (or for another endpoint), and stores it.
 * An endpoint without a balance API is remembered as such, so it isn't asked again for a while.
 */
export async function refreshBalance(
  conn: { base: string; apiKey: string },
  opts: { fetchImpl?: typeof fetch; now?: () => number; bases?: PlatformBases } = {},
): Promise<void> {
  const now = (opts.now ?? Date.now)();
  const cached = await balanceCacheItem.getValue();
  if (cached && cached.base === conn.base && now - cached.checkedAt < BALANCE_EVERY_MS) return;
  try {
    const b = await getBalance({ base: conn.base, apiKey: conn.apiKey, fetchImpl: opts.fetchImpl, bases: opts.bases });
    await balanceCacheItem.setValue({ base: conn.base, available: b.available, ...(b.currency ? { currency: b.currency } : {}), checkedAt: now });
  } catch {
    await balanceCacheItem.setValue({ base: conn.base, available: null, checkedAt: now });
  }
}
