import type { PageContent } from '../sources/types';
import type { ModelInfo } from '../kimi/types';
import { tabAsk, type QuestionTabs, type TabAsk } from './tab-ask';

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

/**
 * The sources Continue sends for a turn: what its first part was written from while this panel holds it; once it
 * does not (the panel was reopened, or the turn is older than the last few), they are read as a new question reads
 * them (`reread`: the added tabs read again where they changed and given their shares), or the page alone.
 */
export async function continueSources(turnId: string, page: PageContent | undefined, reread?: () => Promise<SentSources>): Promise<SentSources> {
  const kept = sent.get(turnId);
  if (kept) return kept;
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
