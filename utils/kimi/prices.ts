// What a question costs: before sending (an estimate with a range for the answer) and after (from usage).
// The figures come from price-table.ts; a part without a sourced price is reported as unpriced, never guessed.
import type { Usage } from './types';
import { PRICE_TABLE, WEB_SEARCH_PRICE, type TokenPrices } from './price-table';

export { WEB_SEARCH_PRICE } from './price-table';
export type Currency = 'USD' | 'CNY';

/** An amount with the parts that had tokens but no price (not counted in `amount`). */
export interface Cost {
  amount: number;
  currency: Currency;
  unpriced: ('cached' | 'output')[];
}

/** USD on the international platform, CNY on the China platform; a custom endpoint bills in a unit we don't know. */
export function currencyOf(platform: string | undefined): Currency | undefined {
  return platform === 'international' ? 'USD' : platform === 'china' ? 'CNY' : undefined;
}

/** The model's token prices in `currency`: exact id only (a dated or renamed variant may be priced differently). */
export function priceFor(model: string | undefined, currency: Currency | undefined): TokenPrices | undefined {
  if (!model || !currency) return undefined;
  return PRICE_TABLE.find((row) => row.model === model)?.[currency]?.prices;
}

const perMillion = (tokens: number, price: number) => (tokens * price) / 1e6;

/**
 * The cost of an answer from its usage: cached input at the cached price, web search calls at their fee.
 * undefined when the model has no input price in this currency ("price unknown").
 */
export function actualCost(model: string | undefined, usage: Usage, currency: Currency | undefined, webSearches = 0): Cost | undefined {
  const p = priceFor(model, currency);
  if (!p || !currency) return undefined;
  const prompt = Math.max(0, usage.promptTokens);
  const cached = Math.min(Math.max(0, usage.cachedTokens), prompt);
  const unpriced: Cost['unpriced'] = [];
  let amount = perMillion(prompt - cached, p.input);
  if (cached > 0) {
    if (p.cachedInput === null) unpriced.push('cached');
    else amount += perMillion(cached, p.cachedInput);
  }
  if (usage.completionTokens > 0) {
    if (p.output === null) unpriced.push('output');
    else amount += perMillion(usage.completionTokens, p.output);
  }
  amount += Math.max(0, webSearches) * WEB_SEARCH_PRICE[currency];
  return { amount, currency, unpriced };
}

/** An answer's length when nothing better is known: about a page of text, for the low end of the range. */
export const TYPICAL_OUTPUT_TOKENS = 1_000;

export interface CostRange {
  currency: Currency;
  /** The input at the uncached price (the prefix cache can only lower it). */
  input: number;
  /** A typical answer to an answer as long as the request's cap (`maxOutput`); undefined when output has no price. */
  output?: { low: number; high: number };
  /** Per web search call, when search is on: the model decides whether to search, so it is not in the sum. */
  searchPerCall?: number;
}

/** The estimate before sending: `promptTokens` from the local token estimate, `maxOutput` the cap the request will carry. */
export function estimateQuestion(
  model: string | undefined,
  promptTokens: number,
  maxOutput: number,
  currency: Currency | undefined,
  webSearch = false,
): CostRange | undefined {
  const p = priceFor(model, currency);
  if (!p || !currency) return undefined;
  const range: CostRange = { currency, input: perMillion(Math.max(0, promptTokens), p.input) };
  if (p.output !== null) {
    const cap = Math.max(0, maxOutput);
    range.output = { low: perMillion(Math.min(TYPICAL_OUTPUT_TOKENS, cap), p.output), high: perMillion(cap, p.output) };
  }
  if (webSearch) range.searchPerCall = WEB_SEARCH_PRICE[currency];
  return range;
}

/** Adds up costs of one currency (the conversation's running total); parts without a price are carried along. */
export function sumCosts(costs: (Cost | undefined)[]): { total?: Cost; unknown: number } {
  let total: Cost | undefined;
  let unknown = 0;
  for (const c of costs) {
    if (!c || (total && total.currency !== c.currency)) {
      unknown++;
      continue;
    }
    total = total
      ? { amount: total.amount + c.amount, currency: c.currency, unpriced: [...new Set([...total.unpriced, ...c.unpriced])] }
      : { ...c, unpriced: [...c.unpriced] };
  }
  return { total, unknown };
}
