import type { AskMode, AskRequest, PageCheck } from '../messaging/types';
import type { PageContent } from '../sources/types';
import type { Conversation } from './conversation';

/** The page a question goes with: "Summarize this page" means the page even with text selected; a menu's selection is the fallback. */
export function pageForQuestion(read: PageContent, mode: AskMode, fallbackSelection?: string): PageContent {
  if (mode === 'summarize') return { ...read, selection: '', selectionContext: undefined };
  return read.selection || !fallbackSelection ? read : { ...read, selection: fallbackSelection };
}

/**
 * A question about the page the panel already holds goes at once, without reading the tab first: the
 * worker checks it (and reads the text again only if it changed) while it prepares the request, and sends
 * nothing to Kimi unless the tab still shows this page. The selection is the one the panel shows
 * (`shownSelection`, '' when the user dropped it), never one read at the click. Only an HTML page read by
 * the page reader has a reading id to check against; anything else takes the long way.
 */
export function quickPage(
  held: PageContent,
  tabId: number,
  mode: AskMode,
  fallbackSelection?: string,
  dropSelection = false,
): { page: PageContent; verify: NonNullable<AskRequest['verify']> } | undefined {
  if (!held.reading) return undefined;
  const page = pageForQuestion(dropSelection ? { ...held, selection: '', selectionContext: undefined } : held, mode, fallbackSelection);
  return { page, verify: { tabId, reading: held.reading } };
}

/** The held page as the worker found it in the tab. */
export function pageAfterCheck(held: PageContent, check: PageCheck): PageContent {
  if (!check.same) return check.page;
  return { ...held, selection: check.selection, selectionContext: check.selectionContext };
}

export const dropTurn = <C extends Conversation>(conv: C, turnId: string): C => ({ ...conv, turns: conv.turns.filter((t) => t.id !== turnId) });

/**
 * Whether two readings of a page say the same thing (every field equal; a
 * field holding an object counts as changed unless it is the same object).
 * The panel keeps its earlier reading then, so asking about an unchanged
 * page re-renders nothing.
 */
export function samePage(a: PageContent, b: PageContent): boolean {
  const fields = (p: PageContent) => Object.entries(p).filter(([, v]) => v !== undefined);
  const mine = fields(a);
  const theirs = new Map(fields(b));
  return mine.length === theirs.size && mine.every(([k, v]) => theirs.has(k) && Object.is(theirs.get(k), v));
}
