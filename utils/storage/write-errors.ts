/** What a failed storage write means to the user. */

/** Chromium says "QUOTA_BYTES quota exceeded" (storage.local) or throws a QuotaExceededError (IndexedDB); Firefox the latter. */
export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | null;
  if (e && e.name === 'QuotaExceededError') return true;
  const text = typeof e?.message === 'string' ? e.message : String(error);
  return text.toLowerCase().includes('quota');
}

/** The browser's own words for a failure, short enough to show. */
export function errorDetail(error: unknown): string {
  const e = error as { message?: unknown } | null;
  const text = typeof e?.message === 'string' ? e.message : String(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * Writes a cache entry where failing is harmless: the cached list or text is fetched again next time, and
 * the request that produced it must not fail because storage is full. The user hears about a full storage
 * from the panel's storage warning (budget.ts), which measures it.
 */
export async function writeCache(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch {
    // Only a cache: see above.
  }
}
