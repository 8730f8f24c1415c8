// The words for what questions cost: one answer (its usage line), the conversation so far, and the next question.
import type { ToolUse, Usage } from '../kimi/types';
import { actualCost, estimateQuestion, sumCosts, type Cost, type Currency } from '../kimi/prices';
import { formatMoney } from '../kimi/balance';
import { t } from '../i18n';

interface PricedTurn {
  model?: string;
  usage?: Usage;
  tools?: ToolUse[];
}

const searchesIn = (tools: ToolUse[] | undefined) => (tools ?? []).filter((u) => u.name === '$web_search' && !u.refused).length;

export const turnCost = (turn: PricedTurn, currency: Currency | undefined): Cost | undefined =>
  turn.usage ? actualCost(turn.model, turn.usage, currency, searchesIn(turn.tools)) : undefined;

function costWords(cost: Cost, locale: string): string {
  const money = formatMoney(cost.amount, cost.currency, locale);
  if (!cost.unpriced.length) return t('usageCost', money);
  const parts = cost.unpriced.map((p) => t(p === 'output' ? 'usagePartOutput' : 'usagePartCached')).join(', ');
  return t('usageCostPartial', money, parts);
}

/** "≈ $0.0012", "≈ $0.0012 + output at an unknown price", or "price unknown"; undefined for a turn without usage. */
export function turnCostText(turn: PricedTurn, currency: Currency | undefined, locale: string): string | undefined {
  if (!turn.usage) return undefined;
  const cost = turnCost(turn, currency);
  return cost ? costWords(cost, locale) : t('usagePriceUnknown');
}

/** The conversation's running total over its answers with usage; undefined before the first one. */
export function totalCostText(turns: PricedTurn[], currency: Currency | undefined, locale: string): string | undefined {
  const withUsage = turns.filter((x) => x.usage);
  if (!withUsage.length) return undefined;
  const { total, unknown } = sumCosts(withUsage.map((x) => turnCost(x, currency)));
  if (!total) return t('costTotalUnknown');
  const words = costWords(total, locale);
  return unknown ? t('costTotalSomeUnknown', words, unknown) : t('costTotal', words);
}

/** Before sending: the input at the model's price, the answer as a range up to the request's cap, web search per call. */
export function nextCostText(
  model: string,
  promptTokens: number,
  maxOutput: number,
  currency: Currency | undefined,
  webSearch: boolean,
  locale: string,
): string {
  const range = estimateQuestion(model, promptTokens, maxOutput, currency, webSearch);
  if (!range) return t('costNextUnknown', model);
  const money = (n: number) => formatMoney(n, range.currency, locale);
  const head = range.output ? t('costNext', money(range.input), money(range.output.low), money(range.output.high)) : t('costNextNoOutput', money(range.input));
  return range.searchPerCall === undefined ? head : `${head}, ${t('costNextSearch', money(range.searchPerCall))}`;
}
