import type { ExtractResult } from '../messaging/types';
import type { PageContent, TabRef } from './types';

/**
 * Another tab added to the questions, as the panel holds it: what its page reader last read, and how that
 * reading stands now. Read again before each question (refreshTab); a closed tab keeps the text it had.
 */
export interface AddedTab {
  tabId: number;
  title: string;
  url: string;
  text: string;
  /** The page reader's reading id: an unchanged page answers "same" without sending its text again. */
  reading?: string;
  lang?: string;
  source?: string;
  /**
   * ready: as read; navigated / changed: read again before the last question (another address, or new main
   * text); closed: the tab is gone, its last text is used; unreadable: the tab can't be read now (a browser page,
   * a PDF that now needs a password, a refusal), its last text is used.
   */
  status: 'ready' | 'navigated' | 'changed' | 'closed' | 'unreadable';
}

/** What an added PDF tab needs before it can be read: a password, consent to text recognition (a scan), or nothing helps. */
export type PdfNeed = 'pdf-password' | 'pdf-scan' | 'pdf-failed';

/** A tab read as a source: the worker's answer, with a PDF already read in the panel (utils/panel/tab-read.ts). */
export type TabRead = ExtractResult | { ok: 'pdf-need'; need: PdfNeed };

export const addedTabOf = (tabId: number, page: PageContent): AddedTab => ({
  tabId,
  title: page.title,
  url: page.url,
  text: page.text,
  ...(page.reading ? { reading: page.reading } : {}),
  ...(page.lang ? { lang: page.lang } : {}),
  ...(page.source ? { source: page.source } : {}),
  status: 'ready',
});

/** Whether the tab's text is as it stood when it was read: kept, and worth no re-read note. */
export const isFresh = (tab: AddedTab): boolean => tab.status === 'ready';

/**
 * The tab as it is now. The page reader left in its document answers "same" for an unchanged page; a new
 * reading replaces the text (another address: navigated; the same: changed); a gone tab is closed and a
 * refusal unreadable, both keeping the text they had, never dropping it silently.
 */
export async function refreshTab(tab: AddedTab, extract: (tabId: number, known?: string) => Promise<TabRead>): Promise<AddedTab> {
  if (tab.status === 'closed') return tab;
  let result: TabRead;
  try {
    result = await extract(tab.tabId, tab.reading);
  } catch {
    return { ...tab, status: 'unreadable' };
  }
  if (result.ok === 'same') {
    if (result.same === tab.reading) return { ...tab, status: 'ready' };
    // Another reading than ours "same" (two panels raced): read whole, once.
    return tab.reading ? refreshTab({ ...tab, reading: undefined }, extract) : { ...tab, status: 'unreadable' };
  }
  if (result.ok === true) {
    const next = addedTabOf(tab.tabId, result.page);
    const status = next.url !== tab.url ? 'navigated' : next.text !== tab.text ? 'changed' : 'ready';
    return { ...next, status };
  }
  if (result.ok === false && result.reason === 'no-tab') return { ...tab, status: 'closed' };
  return { ...tab, status: 'unreadable' };
}

/** At most this many other tabs in one question: the picker says so beyond it. */
export const MAX_ADDED_TABS = 20;
const STATUSES = new Set(['closed', 'unreadable']);

/** The worker's check of a request's `tabs` (from the panel, at the port's boundary): the shape, the count, the fields' kinds. */
export function isTabTexts(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value) || value.length > MAX_ADDED_TABS) return false;
  return value.every(
    (t: Record<string, unknown> | null) =>
      !!t &&
      typeof t === 'object' &&
      typeof t.title === 'string' &&
      typeof t.url === 'string' &&
      typeof t.text === 'string' &&
      typeof t.coverage === 'number' &&
      t.coverage >= 0 &&
      t.coverage <= 1 &&
      (t.status === undefined || STATUSES.has(t.status as string)) &&
      (t.pdf === undefined || t.pdf === true) &&
      (t.lang === undefined || typeof t.lang === 'string') &&
      (t.ref === undefined || isTabRef(t.ref)),
  );
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** A request's tab reference, checked at the worker's port boundary. */
export const isTabRef = (v: unknown): v is TabRef => {
  const r = v as Record<string, unknown> | null;
  return !!r && typeof r === 'object' && isCount(r.tabId) && typeof r.reading === 'string' && r.reading.length <= 400 && isCount(r.chars) && isCount(r.share);
};

/** `panel→bg:tab-texts`, checked at the worker's port boundary: at most one text per added tab. */
export const isRefTexts = (v: unknown): v is { tabId: number; text: string }[] =>
  Array.isArray(v) && v.length <= MAX_ADDED_TABS && v.every((t: Record<string, unknown> | null) => !!t && isCount(t.tabId) && typeof t.text === 'string');
