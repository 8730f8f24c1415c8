// Estimated cost of an answer. Kimi's prices change; these are the figures we could source (see each row),
// per million tokens, and the panel always labels the result "estimated".
import type { Usage } from './types';

export interface PriceRow {
  /** Input tokens served from the prefix cache. */
  cacheHit: number;
  /** Other input tokens. */
  cacheMiss: number;
  /** Output tokens; undefined when no source gave it (the estimate then covers the input only). */
  output?: number;
}

/**
 * USD per 1M tokens on platform.moonshot.ai. Sources (shared/docs/kimi-api.md §12):
 * kimi-k2.5 input $0.60 miss / $0.10 hit — official Jan-2026 pricing [H]; output $3.00 — third-party
 * listing of the same prices (Cloudflare Workers AI, 2026) [L].
 * kimi-k2.6 input $0.95 miss / $0.16 hit — secondary copies of the pricing page [M]; output not sourced.
 * No CNY prices were sourced, so answers on .cn and custom endpoints show tokens only.
 */
export const PRICES_USD: [RegExp, PriceRow][] = [
  [/^kimi-k2\.5(?:$|-)/, { cacheHit: 0.1, cacheMiss: 0.6, output: 3.0 }],
  [/^kimi-k2\.6(?:$|-)/, { cacheHit: 0.16, cacheMiss: 0.95 }],
];

/** Web search: per call, on top of tokens (kimi-api.md §9). */
export const WEB_SEARCH_PRICE = { USD: 0.005, CNY: 0.03 } as const;

export interface CostEstimate {
  amount: number;
  currency: 'USD';
  /** True when the output price is unknown and only the input is counted. */
  inputOnly: boolean;
}

export function priceFor(model: string | undefined): PriceRow | undefined {
  if (!model) return undefined;
  return PRICES_USD.find(([re]) => re.test(model))?.[1];
}

/** undefined when the model has no price row or the currency isn't USD. */
export function estimateCost(model: string | undefined, usage: Usage, currency: 'USD' | 'CNY' | undefined, webSearches = 0): CostEstimate | undefined {
  if (currency !== 'USD') return undefined;
  const row = priceFor(model);
  if (!row) return undefined;
  const cached = Math.min(usage.cachedTokens, usage.promptTokens);
  let amount = (cached * row.cacheHit + (usage.promptTokens - cached) * row.cacheMiss) / 1e6;
  if (row.output !== undefined) amount += (usage.completionTokens * row.output) / 1e6;
  amount += webSearches * WEB_SEARCH_PRICE.USD;
  return { amount, currency: 'USD', inputOnly: row.output === undefined };
}
