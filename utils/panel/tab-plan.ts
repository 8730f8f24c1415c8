import type { ModelInfo } from '../kimi/types';
import type { TabText } from '../messaging/types';
import type { PageContent } from '../sources/types';
import type { Passage } from '../citations/types';
import type { AddedTab } from '../sources/tab-fresh';
import { estimateTokens } from '../kimi/tokens';
import { modelProfile } from '../kimi/models';
import { largerModelFor } from '../kimi/larger-model';
import { isPdfText, splitPassages } from '../citations/passages';
import { coverageOf, fitText, splitBudget } from '../sources/budget';
import { ANSWER_RESERVE } from './coverage';

/** Moonlit's instructions, and each source's header lines (title, address, notes). */
const BASE_OVERHEAD = 600;
const SOURCE_OVERHEAD = 120;

export interface SourceShare {
  tokens: number;
  share: number;
  coverage: number;
  /**
   * The tokens a changed version of the source may take (the worker cuts a tab it finds changed to it): its share
   * when the sources are cut, else its part of the room by size; never more than the room in all.
   */
  room: number;
}

/** How much of each source a question reads with `model`: the page (when it goes) and the added tabs, in order. */
export interface SourcePlan {
  model: string;
  page?: SourceShare;
  tabs: SourceShare[];
  /** Every source goes whole. */
  whole: boolean;
  /** Cut sources keep enough to serve a question (utils/sources/budget.ts); otherwise the panel offers the ways out. */
  enough: boolean;
  /** The sources whole with Moonlit's own text and `around`, in tokens (local estimate); the model's window. */
  total: number;
  contextLength: number;
  /**
   * When the sources are cut: the smallest listed model that reads everything whole; when they are not served
   * (`enough` false), the smallest that serves them.
   */
  larger?: string;
}

/** The room `model` leaves for sources once the answer's reserve and `overhead` are set aside. */
const windowOf = (model: string, models: ModelInfo[]): number =>
  modelProfile(
    model,
    models.find((m) => m.id === model),
  ).contextLength;
const roomOf = (model: string, models: ModelInfo[], overhead: number): number => windowOf(model, models) - ANSWER_RESERVE - overhead;

/**
 * The smallest listed model, larger than `model`, whose room serves every source (budget.ts's rule): a larger
 * model helps only if it lifts every cut source to the minimum, so this, not "the whole sum fits", is offered.
 */
function servingModel(sizes: number[], overhead: number, model: string, models: ModelInfo[]): string | undefined {
  const own = roomOf(model, models, overhead);
  return models
    .map((m) => ({ id: m.id, room: roomOf(m.id, models, overhead) }))
    .filter((m) => m.id !== model && m.room > own)
    .sort((a, b) => a.room - b.room)
    .find((m) => splitBudget(sizes, m.room).enough)?.id;
}

/** The split of the model's room among the sources; `around`: the question and history, in tokens. */
export function planSources(
  page: PageContent | undefined,
  tabs: readonly Pick<AddedTab, 'text'>[],
  model: string,
  models: ModelInfo[],
  around = 0,
): SourcePlan {
  const texts = [...(page ? [page.text] : []), ...tabs.map((t) => t.text)];
  const sizes = texts.map((t) => estimateTokens(t));
  const overhead = BASE_OVERHEAD + SOURCE_OVERHEAD * texts.length + around + (page ? estimateTokens(page.selection) : 0);
  const room = roomOf(model, models, overhead);
  const split = splitBudget(sizes, room);
  const sum = sizes.reduce((a, b) => a + b, 0);
  const grow = (i: number) => (split.whole && sum > 0 ? Math.max(split.shares[i], Math.floor((room * sizes[i]) / sum)) : split.shares[i]);
  const shares = sizes.map((tokens, i) => ({ tokens, share: split.shares[i], coverage: coverageOf(split.shares[i], tokens), room: grow(i) }));
  const total = sum + overhead;
  const larger = split.whole ? undefined : split.enough ? largerModelFor(total, model, models) : servingModel(sizes, overhead, model, models);
  return {
    model,
    ...(page ? { page: shares[0] } : {}),
    tabs: page ? shares.slice(1) : shares,
    whole: split.whole,
    enough: split.enough,
    total,
    contextLength: windowOf(model, models),
    ...(larger ? { larger } : {}),
  };
}

/** The source that keeps the least of its text: its index among the page (when it goes) and the tabs, and its share. */
export function worstShare(plan: SourcePlan): { index: number; share: SourceShare } {
  const all = [...(plan.page ? [plan.page] : []), ...plan.tabs];
  return all.reduce((w, share, index) => (share.coverage < w.share.coverage ? { index, share } : w), { index: 0, share: all[0] });
}

/** The added tabs as the request carries them: each cut to its share (said in the prompt and on its chip). */
export function requestTabs(tabs: readonly AddedTab[], plan: Pick<SourcePlan, 'tabs'>): TabText[] {
  return tabs.map((t, i) => {
    const s = plan.tabs[i];
    const text = s && s.coverage < 1 ? fitText(t.text, s.share) : t.text;
    const status = t.status === 'closed' || t.status === 'unreadable' ? t.status : undefined;
    return {
      title: t.title,
      url: t.url,
      text,
      coverage: s?.coverage ?? 1,
      ...(status ? { status } : {}),
      ...(t.lang ? { lang: t.lang } : {}),
      ...(isPdfText(t) ? { pdf: true as const } : {}),
    };
  });
}

/**
 * The passages a question's answer can cite, numbered as the prompt numbers them (utils/kimi/prompt-tabs.ts): the
 * page's first, then each tab's as sent, each tab's passages naming their tab so a citation can switch to it.
 */
export function questionPassages(page: PageContent | undefined, tabs: readonly (TabText & { tabId: number })[]): Passage[] {
  const out: Passage[] = page?.text.trim() ? splitPassages(page.text, isPdfText(page)) : [];
  for (const tab of tabs) {
    if (!tab.text.trim()) continue;
    const from = out.length;
    for (const p of splitPassages(tab.text, !!tab.pdf)) out.push({ ...p, n: from + p.n, tab: { tabId: tab.tabId, title: tab.title, url: tab.url } });
  }
  return out;
}
