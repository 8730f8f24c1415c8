import type { TabText } from '../messaging/types';
import type { PageContent, TabRef } from './types';
import { estimateTokens } from '../kimi/tokens';
import { coverageOf, fitText } from './budget';
import { addedTabOf, type AddedTab } from './tab-fresh';

/**
 * Added tabs as references: a question names each tab the worker can hold (a page its reader watches) by its
 * reading and the share the panel showed, not by its text; the worker checks them all while it resolves the
 * question and says which it found otherwise (`bg→panel:tabs`). Pure: the worker and the panel cut alike.
 */

/** What the worker found of a referenced tab that is not as the panel holds it; `page`: the tab as it is now. */
export interface TabNews {
  tabId: number;
  status: AddedTab['status'];
  page?: PageContent;
}

/** A tab the worker can hold: read by its page reader (a reading), not closed or unreadable. A PDF read here goes with its text. */
export const goesAsRef = (tab: AddedTab): tab is AddedTab & { reading: string } => !!tab.reading && tab.status !== 'closed' && tab.status !== 'unreadable';

/** The tab as the panel showed it: its text (the one the reading names, or its last) cut to the characters shown. */
export function asShown(tab: TabText & { ref: TabRef }, text: string, status?: 'closed' | 'unreadable'): TabText {
  const { ref, status: _, ...rest } = tab;
  return { ...rest, text: text.slice(0, ref.chars), ...(status ? { status } : {}) };
}

/** A tab found changed or navigated: as it is now, cut to the share the panel gave it (said in its coverage). */
export function asNow(tab: TabText & { ref: TabRef }, page: PageContent): TabText {
  const { ref, status: _, lang: __, ...rest } = tab;
  const tokens = estimateTokens(page.text);
  return {
    ...rest,
    title: page.title,
    url: page.url,
    text: fitText(page.text, ref.share),
    coverage: coverageOf(ref.share, tokens),
    ...(page.lang ? { lang: page.lang } : {}),
  };
}

/** The panel's copy of what a question sent, once the worker's news came: the tabs it found changed, as sent. */
export function withNews<T extends TabText & { tabId: number }>(tabs: readonly T[], news: readonly TabNews[]): T[] {
  return tabs.map((t) => {
    const n = news.find((x) => x.tabId === t.tabId);
    if (!n || !t.ref) return t;
    if (n.page) return { ...asNow({ ...t, ref: t.ref }, n.page), tabId: t.tabId } as T;
    return n.status === 'closed' || n.status === 'unreadable' ? ({ ...asShown({ ...t, ref: t.ref }, t.text, n.status), tabId: t.tabId } as T) : t;
  });
}

/** The panel's chips after the news: a tab read again takes its new page, the others their status (a closed one keeps its text). */
export const chipsAfter = (tabs: readonly AddedTab[], news: readonly TabNews[]): AddedTab[] =>
  tabs.map((t) => {
    const n = news.find((x) => x.tabId === t.tabId);
    if (!n) return t;
    return n.page ? { ...addedTabOf(t.tabId, n.page), status: n.status } : { ...t, status: n.status };
  });
