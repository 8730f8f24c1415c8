import type { TabText } from '../messaging/types';
import type { PageContent, TabRef } from '../sources/types';
import type { AddedTab } from '../sources/tab-fresh';
import type { KimiFailure, ModelInfo } from '../kimi/types';
import type { Conversation, SourceLink } from './conversation';
import { estimateMessagesTokens, estimateTokens } from '../kimi/tokens';
import { fitText, MIN_COVERAGE } from '../sources/budget';
import { planSources, requestTabs, worstShare, type SourcePlan, type SourceShare } from './tab-plan';
import { goesAsRef, type TabNews } from '../sources/tab-refs';

/** The other tabs of the next question (components/panel/use-tab-sources.ts): read again before it; `pageOff`: the bound tab's page stays out. */
export interface QuestionTabs {
  count: number;
  pageOff: boolean;
  /** The tabs as the next question sends them: those the worker can't hold read again here; the others it checks. */
  fresh(): Promise<AddedTab[]>;
  /** What the worker found of the tabs it checked (`bg→panel:tabs`): the chips take it. */
  took(news: TabNews[]): void;
}

/** What a question about several tabs sends: the page (cut to its share when it must be) and the other tabs. */
export interface TabAsk {
  page?: PageContent;
  tabs: (TabText & { tabId: number })[];
  /** The page was cut to its share: its text must go with the question (the worker's check would send it whole). */
  pageCut: boolean;
  /** Even shared by size the sources can't serve the question (budget.ts's rule): nothing may be sent, the turn says why. */
  failure?: KimiFailure;
}

/**
 * Why the sources can't serve the question even shared by size, as the failure its turn shows (nothing is sent):
 * the source that would keep least of its text, and a model that would serve them all (the notice also offers
 * removing tabs and answering in parts). `titles`: the sources' titles in the plan's order.
 */
export function sourcesFailure(plan: SourcePlan, titles: readonly string[]): KimiFailure | undefined {
  if (plan.enough) return undefined;
  const { index, share } = worstShare(plan);
  const percent = Math.floor(share.coverage * 100);
  const title = (titles[index] ?? '').slice(0, 200);
  return {
    kind: 'too-long',
    model: plan.model,
    promptTokens: plan.total,
    contextLength: plan.contextLength,
    message: `${titles.length} sources, about ${plan.total} tokens; on ${plan.model}, "${title}" keeps ${percent}% (at least ${MIN_COVERAGE * 100}% needed).`,
    sources: { count: titles.length, title, percent, ...(plan.larger ? { larger: plan.larger } : {}) },
  };
}

/**
 * The sources of a question with other tabs added: each as much as its share of the model's room allows
 * (utils/sources/budget.ts). In parts, everything goes whole: the parts flow cuts it into requests that fit.
 */
export function tabAsk(
  page: PageContent | undefined,
  tabs: readonly AddedTab[],
  model: string,
  models: ModelInfo[],
  around: { question: string; history: readonly { question: string; answer: string }[] },
  inParts = false,
): TabAsk {
  const withIds = (texts: TabText[], plan?: SourcePlan) => texts.map((t, i) => ({ ...t, tabId: tabs[i].tabId, ...refOf(tabs[i], t, plan?.tabs[i]) }));
  if (inParts) return { page, tabs: withIds(requestTabs(tabs, { tabs: [] })), pageCut: false };
  const aroundTokens = estimateTokens(around.question) + estimateMessagesTokens(around.history.map((t) => ({ content: t.question + t.answer })));
  const plan = planSources(page, tabs, model, models, aroundTokens);
  const pageCut = !!page && !!plan.page && plan.page.coverage < 1;
  const failure = sourcesFailure(plan, [...(page ? [page.title || page.url] : []), ...tabs.map((t) => t.title || t.url)]);
  return {
    ...(failure ? { failure } : {}),
    page: pageCut ? { ...page, text: fitText(page.text, plan.page!.share) } : page,
    tabs: withIds(requestTabs(tabs, plan), plan),
    pageCut,
  };
}

/**
 * A tab the worker can hold goes as a reference (tab-refs.ts): its reading, the characters of `sent` (its text
 * cut to its share, as its chip shows), and the room a changed version may take. The text stays with the request
 * for the panel's own use (citations, Continue, the worker's `need-tabs`); the port carries it only when asked.
 */
function refOf(tab: AddedTab, sent: TabText, share: SourceShare | undefined): { ref?: TabRef } {
  if (!share || !goesAsRef(tab)) return {};
  return { ref: { tabId: tab.tabId, reading: tab.reading, chars: sent.text.length, share: share.room } };
}

/** The conversation's sources with this question's added (each address once, the latest title). */
export function withSources<C extends Conversation>(conv: C, page: PageContent | undefined, tabs: readonly TabText[]): C {
  const links: SourceLink[] = [...(conv.sources ?? [])];
  for (const s of [...(page ? [page] : []), ...tabs]) {
    const at = links.findIndex((l) => l.url === s.url);
    const link = { title: s.title, url: s.url };
    if (at < 0) links.push(link);
    else links[at] = link;
  }
  return links.length ? { ...conv, sources: links } : conv;
}
