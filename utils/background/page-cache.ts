import type { ExtractResult } from '../messaging/types';
import type { PageContent } from '../sources/types';
import { forgetChecks } from './tab-checks';

/**
 * The last pages the worker saw whole (an extraction's result, a question's page), by reading id. A question
 * about a page the panel holds then need not carry the page's text over the port again. Only a cache: a
 * restarted worker has none, and asks the panel for the text (utils/background/verify-page.ts).
 */
const pages = new Map<string, PageContent>();
const MAX_PAGES = 4;
/** A few long pages at most: ~50 MB of UTF-16 in a worker that idles out soon anyway. */
const MAX_CHARS = 25_000_000;

export function keepPage(page: PageContent | undefined): void {
  if (!page?.reading || !page.text) return;
  pages.delete(page.reading);
  pages.set(page.reading, page);
  let chars = 0;
  for (const p of pages.values()) chars += p.text.length;
  for (const [id, p] of pages) {
    if (pages.size <= MAX_PAGES && chars <= MAX_CHARS) break;
    if (id === page.reading) continue;
    pages.delete(id);
    chars -= p.text.length;
  }
}

/** The page read as `reading` at `url`, if this worker still holds it. */
export function keptPage(reading: string, url: string): PageContent | undefined {
  const page = pages.get(reading);
  return page?.url === url ? page : undefined;
}

export function forgetPages(): void {
  pages.clear();
  readings.clear();
  forgetChecks();
}

/** The reading each tab's page reader last gave (a hint: the page may have changed since). */
const readings = new Map<number, string>();

export function noteReading(tabId: number, reading: string | undefined): void {
  if (reading) readings.set(tabId, reading);
  else readings.delete(tabId);
}

export const readingOf = (tabId: number): string | undefined => readings.get(tabId);

/** The reading a tab's reader gave in `result`: the one it still holds ("same") or a new one. */
export const readingIn = (result: ExtractResult | undefined): string | undefined =>
  result?.ok === 'same' ? result.same : result?.ok === true ? result.page.reading : undefined;
