import { describe, expect, it } from 'vitest';
import { actualCost, currencyOf, estimateQuestion, priceFor, sumCosts, TYPICAL_OUTPUT_TOKENS } from '../../../utils/kimi/prices';
import { CNY_TOKEN_PRICES_SOURCE, PRICE_TABLE, WEB_SEARCH_PRICE } from '../../../utils/kimi/price-table';

const usage = (promptTokens: number, cachedTokens: number, completionTokens: number) => ({ promptTokens, cachedTokens, completionTokens });

describe('price table', () => {
  it('has one row per current model, each with a date and a source, and only positive figures', () => {
    const current = [
      'kimi-k3',
      'kimi-k3.1-pro',
      'kimi-k3.1-pro-highspeed',
      'kimi-k2.7-code',
      'kimi-k2.7-code-highspeed',
      'kimi-k2.6',
      'kimi-k2.5',
      'kimi-k2-thinking',
      'kimi-k2-thinking-turbo',
      'kimi-k2-0905-preview',
      'kimi-k2-turbo-preview',
      'kimi-latest',
      'moonshot-v1-8k',
      'moonshot-v1-32k',
      'moonshot-v1-128k',
      'moonshot-v1-auto',
    ];
    const ids = PRICE_TABLE.map((r) => r.model);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of current) expect(ids).toContain(m);
    for (const row of PRICE_TABLE) {
      for (const p of [row.USD, row.CNY]) {
        if (!p) continue;
        expect(p.date).toMatch(/^20\d\d/);
        expect(p.source).toMatch(/kimi-api\.md §\d+/);
        for (const v of [p.prices.input, p.prices.cachedInput, p.prices.output]) if (v !== null) expect(v).toBeGreaterThan(0);
      }
    }
  });

  it('looks each model up on each platform: its own figures in that currency, or unknown; never the other platform’s', () => {
    for (const row of PRICE_TABLE) {
      expect(priceFor(row.model, currencyOf('international'))).toEqual(row.USD?.prices);
      expect(priceFor(row.model, currencyOf('china'))).toEqual(row.CNY?.prices);
      expect(priceFor(row.model, currencyOf('custom'))).toBeUndefined();
      // A model priced on one platform only is "price unknown" on the other, before and after the question.
      if (row.USD && !row.CNY) {
        expect(estimateQuestion(row.model, 1_000, 1_000, currencyOf('international'))?.currency).toBe('USD');
        expect(estimateQuestion(row.model, 1_000, 1_000, currencyOf('china'))).toBeUndefined();
        expect(actualCost(row.model, usage(1_000, 0, 10), currencyOf('china'))).toBeUndefined();
      }
    }
    expect(PRICE_TABLE.filter((r) => r.USD).map((r) => r.model)).toEqual(['kimi-k2.5', 'kimi-k2.6', 'kimi-k3.1-pro', 'kimi-k3.1-pro-highspeed']);
  });

  it('no model has a token price in CNY (kimi-api.md gives none, and says so), so the China platform says "price unknown"', () => {
    expect(CNY_TOKEN_PRICES_SOURCE).toMatch(/kimi-api\.md .*no per-model token price in CNY/);
    for (const row of PRICE_TABLE) expect(priceFor(row.model, 'CNY')).toBeUndefined();
    expect(actualCost('kimi-k2.5', usage(100, 0, 10), 'CNY')).toBeUndefined();
    expect(estimateQuestion('kimi-k2.5', 100, 1000, 'CNY')).toBeUndefined();
  });

  it('prices only exact ids: a variant, an unknown model or a custom endpoint is unknown', () => {
    expect(priceFor('kimi-k2.5', 'USD')).toEqual({ input: 0.6, cachedInput: 0.1, output: null });
    expect(priceFor('kimi-k2.5-preview', 'USD')).toBeUndefined();
    expect(priceFor('moonshot-v1-8k', 'USD')).toBeUndefined();
    expect(actualCost('kimi-k2.5', usage(10, 0, 10), undefined)).toBeUndefined();
    expect(currencyOf('international')).toBe('USD');
    expect(currencyOf('china')).toBe('CNY');
    expect(currencyOf('custom')).toBeUndefined();
  });
});

describe('actual cost (international platform, USD)', () => {
  it('kimi-k2.5: cached input at the cached price, the rest at the input price; its output has no price and says so', () => {
    const cost = actualCost('kimi-k2.5', usage(1_000_000, 400_000, 2_000), 'USD')!;
    expect(cost.amount).toBeCloseTo(0.6 * 0.6 + 0.4 * 0.1, 12);
    expect(cost.unpriced).toEqual(['output']);
    expect(cost.currency).toBe('USD');
  });

  it('kimi-k3.1-pro: input and output priced; cached tokens have no cached price, so they are named, not guessed', () => {
    expect(actualCost('kimi-k3.1-pro', usage(500_000, 0, 100_000), 'USD')).toEqual({ amount: 1 + 1, currency: 'USD', unpriced: [] });
    const cached = actualCost('kimi-k3.1-pro', usage(500_000, 200_000, 0), 'USD')!;
    expect(cached.amount).toBeCloseTo(0.3 * 2, 12);
    expect(cached.unpriced).toEqual(['cached']);
  });

  it('web search calls add their per-call fee in the platform currency', () => {
    expect(actualCost('kimi-k2.6', usage(0, 0, 0), 'USD', 3)!.amount).toBeCloseTo(3 * WEB_SEARCH_PRICE.USD, 12);
    expect(WEB_SEARCH_PRICE).toEqual({ USD: 0.005, CNY: 0.03 });
  });

  it('cached tokens beyond the prompt (a confused server) are capped, negatives count as none', () => {
    expect(actualCost('kimi-k2.6', usage(1_000_000, 5_000_000, 0), 'USD')!.amount).toBeCloseTo(0.16, 12);
    expect(actualCost('kimi-k2.6', usage(1_000_000, -5, 0), 'USD')!.amount).toBeCloseTo(0.95, 12);
  });
});

describe('estimate before sending', () => {
  it('input at the model price, output as a range from a typical answer to the cap', () => {
    const r = estimateQuestion('kimi-k3.1-pro', 250_000, 32_768, 'USD', false)!;
    expect(r.input).toBeCloseTo(0.5, 12);
    expect(r.output!.low).toBeCloseTo((TYPICAL_OUTPUT_TOKENS * 10) / 1e6, 12);
    expect(r.output!.high).toBeCloseTo((32_768 * 10) / 1e6, 12);
    expect(r.searchPerCall).toBeUndefined();
  });

  it('a cap below the typical answer bounds both ends', () => {
    const r = estimateQuestion('kimi-k3.1-pro', 0, 500, 'USD')!;
    expect(r.output!.low).toBeCloseTo(r.output!.high, 12);
  });

  it('no output range when the output price is unknown; web search shows its per-call fee', () => {
    const r = estimateQuestion('kimi-k2.6', 1_000_000, 32_768, 'USD', true)!;
    expect(r.input).toBeCloseTo(0.95, 12);
    expect(r.output).toBeUndefined();
    expect(r.searchPerCall).toBe(0.005);
  });

  it('an unknown model gives no estimate at all', () => {
    expect(estimateQuestion('mystery-model', 10, 10, 'USD')).toBeUndefined();
  });
});

describe('running total', () => {
  it('adds priced answers, carries unpriced parts and counts the unknown ones', () => {
    const a = actualCost('kimi-k2.5', usage(1_000_000, 0, 0), 'USD');
    const b = actualCost('kimi-k2.5', usage(0, 0, 100), 'USD');
    const { total, unknown } = sumCosts([a, undefined, b]);
    expect(total!.amount).toBeCloseTo(0.6, 12);
    expect(total!.unpriced).toEqual(['output']);
    expect(unknown).toBe(1);
    expect(sumCosts([])).toEqual({ total: undefined, unknown: 0 });
  });

  it('never adds two currencies together', () => {
    const usd = { amount: 1, currency: 'USD' as const, unpriced: [] };
    const cny = { amount: 7, currency: 'CNY' as const, unpriced: [] };
    expect(sumCosts([usd, cny])).toEqual({ total: usd, unknown: 1 });
  });
});
