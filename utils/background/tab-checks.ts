import type { ExtractResult } from '../messaging/types';

/**
 * The last page check per tab (verify-page.ts), reused by the next question instead of asking the tab again:
 * a round trip into the page costs several milliseconds before every request. An answer that the page is
 * unchanged stays good until the page reader says something changed (`page→bg:changed`, armed in the page
 * in the same task as the answer: utils/extract/change-watch.ts). Any other answer — a new reading, no
 * reader — is kept only for the moment between a press and its click. Only a cache: a restarted worker
 * simply asks the tab.
 */
export const SAME_MAX_AGE_MS = 60_000;
/** How long a check that found a changed page (no watch armed in the page) may serve a question. */
export const FRESH_MAX_AGE_MS = 1_000;

interface Check {
  reading: string;
  read: Promise<ExtractResult | undefined>;
  at: number;
  result?: ExtractResult | null;
}

const checks = new Map<number, Check>();

function usable(c: Check, reading: string, now: number): boolean {
  if (c.reading !== reading) return false;
  if (c.result === undefined) return true; // still being read: the question waits for it
  const same = c.result?.ok === 'same' && c.result.same === reading;
  return now - c.at <= (same ? SAME_MAX_AGE_MS : FRESH_MAX_AGE_MS);
}

/** The tab's check of `reading`: the one held while it is good, else a new one from `read`. */
export function checkTab(tabId: number, reading: string, read: () => Promise<ExtractResult | undefined>, now = Date.now()): Promise<ExtractResult | undefined> {
  const held = checks.get(tabId);
  if (held && usable(held, reading, now)) return held.read;
  const check: Check = { reading, at: now, read: read().catch(() => undefined) };
  checks.set(tabId, check);
  void check.read.then((r) => {
    check.result = r ?? null;
  });
  return check.read;
}

/** The page reader in the tab saw a change, or the tab is gone: its answer no longer holds. */
export function pageChanged(tabId: number): void {
  checks.delete(tabId);
}

export function forgetChecks(): void {
  checks.clear();
}
