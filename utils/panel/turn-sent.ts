import type { PageContent } from '../sources/types';
import type { ModelInfo } from '../kimi/types';
import { tabAsk, type QuestionTabs, type TabAsk } from './tab-ask';
import { questionPassages } from './tab-plan';
import { rememberPassages } from './turn-sources';
import { isPdfText, splitPassages } from '../citations/passages';
import { withNews, type TabNews } from '../sources/tab-refs';

/** What a question was answered from besides itself: the page and the other tabs, each exactly as sent (cut to its share). */
export interface SentSources {
  page?: PageContent;
  tabs?: TabAsk['tabs'];
}

/**
 * Continue (Partial Mode) sends each turn's sources exactly as its first part had them, not read again: the model
 * carries on an answer written from that text, its [Pn] links are numbered over those passages, and the shares
 * were cut to fit the window with it. Kept in the panel's memory only, for the last few questions (a page each).
 */
const sent = new Map<string, SentSources>();
const LIMIT = 8;

export function rememberSent(turnId: string, sources: SentSources): void {
  sent.delete(turnId);
  sent.set(turnId, sources);
  while (sent.size > LIMIT) sent.delete(sent.keys().next().value!);
}

export function forgetSent(turnId: string): void {
  sent.delete(turnId);
}

/** The passages a question's answer can cite, numbered as its prompt numbers them. */
export const passagesOf = (s: SentSources) => (s.tabs?.length ? questionPassages(s.page, s.tabs) : s.page ? splitPassages(s.page.text, isPdfText(s.page)) : []);

/** What the worker sent differs from what the panel sent: Continue carries on with that, and links number its passages. */
function tookSent(turnId: string, next: (kept: SentSources) => SentSources, cite: boolean): void {
  const now = next(sent.get(turnId) ?? {});
  rememberSent(turnId, now);
  if (cite) rememberPassages(turnId, () => passagesOf(now));
}

/** The worker found the page changed and sent it as it is now (`bg→panel:page`). */
export const tookPage = (turnId: string, page: PageContent, cite: boolean): void => tookSent(turnId, (kept) => ({ ...kept, page }), cite);

/** The worker found some added tabs changed, closed or unreadable (`bg→panel:tabs`) and sent them so. */
export const tookTabs = (turnId: string, news: TabNews[], cite: boolean): void =>
  tookSent(turnId, (kept) => ({ ...kept, ...(kept.tabs ? { tabs: withNews(kept.tabs, news) } : {}) }), cite);

/**
 * The sources Continue sends for a turn: what its first part was written from while this panel holds it; once it
 * does not (the panel was reopened, or the turn is older than the last few), they are read as a new question reads
 * them (`reread`: the added tabs read again where they changed and given their shares), or the page alone.
 */
export async function continueSources(turnId: string, page: PageContent | undefined, reread?: () => Promise<SentSources>): Promise<SentSources> {
  const kept = sent.get(turnId);
  // Each tab's text as sent goes with it, not a reference the worker would resolve as the tab is now.
  if (kept) return { ...kept, ...(kept.tabs ? { tabs: kept.tabs.map(({ ref: _, ...t }) => t) } : {}) };
  const now = reread ? await reread() : { page };
  rememberSent(turnId, now);
  return now;
}

/**
 * Continue's `reread` when other tabs are added: read as a new question reads them (the tabs again where they
 * changed, each given its share of the room) — for a turn whose first part's sources this panel no longer holds.
 */
export function rereadTabs(
  multi: QuestionTabs,
  page: PageContent | undefined,
  limits: () => Promise<readonly [{ model: string }, { models: ModelInfo[] } | undefined | null]>,
  model: string | undefined,
  around: Parameters<typeof tabAsk>[4],
): () => Promise<SentSources> {
  return async () => {
    const [settings, cache] = await limits();
    const now = tabAsk(multi.pageOff ? undefined : page, await multi.fresh(), model ?? settings.model, cache?.models ?? [], around);
    return { page: now.page, tabs: now.tabs };
  };
}
