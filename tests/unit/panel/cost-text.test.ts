import { describe, expect, it } from 'vitest';
import { nextCostText, totalCostText, turnCostText } from '../../../utils/panel/cost-text';
import { migrateConversation } from '../../../utils/history/schema';

const usage = (promptTokens: number, cachedTokens: number, completionTokens: number) => ({ promptTokens, cachedTokens, completionTokens });

describe('cost words', () => {
  it('an answer priced from its usage, with the unpriced part named; "price unknown" otherwise', () => {
    expect(turnCostText({ model: 'kimi-k3.1-pro', usage: usage(1_000_000, 0, 100_000) }, 'USD', 'en')).toBe('≈ $3.00');
    expect(turnCostText({ model: 'kimi-k2.5', usage: usage(100_000, 0, 10) }, 'USD', 'en')).toBe('≈ $0.06 + output at an unknown price');
    expect(turnCostText({ model: 'kimi-k2.5', usage: usage(100_000, 0, 10) }, 'CNY', 'en')).toBe('price unknown');
    expect(turnCostText({ model: 'moonshot-v1-8k', usage: usage(10, 0, 10) }, 'USD', 'en')).toBe('price unknown');
    expect(turnCostText({ model: 'kimi-k2.5' }, 'USD', 'en')).toBeUndefined();
  });

  it('each web search the answer ran adds its per-call fee (a refused one does not)', () => {
    expect(
      turnCostText({ model: 'kimi-k3.1-pro', usage: usage(0, 0, 0), tools: [{ name: '$web_search' }, { name: '$web_search', refused: true }] }, 'USD', 'en'),
    ).toBe('≈ $0.005');
  });

  it('the running total adds the priced answers and counts the others', () => {
    const turns = [
      { model: 'kimi-k3.1-pro', usage: usage(500_000, 0, 0) },
      { model: 'moonshot-v1-8k', usage: usage(10, 0, 10) },
      { model: 'kimi-k3.1-pro', usage: usage(0, 0, 100_000) },
      { model: 'kimi-k3.1-pro' },
    ];
    expect(totalCostText(turns, 'USD', 'en')).toBe('This conversation so far: ≈ $2.00, plus 1 answer(s) at an unknown price');
    expect(totalCostText(turns.slice(3), 'USD', 'en')).toBeUndefined();
    expect(totalCostText(turns, undefined, 'en')).toBe('This conversation so far: price unknown');
  });

  it('before sending: input, the answer as a range, and web search per call', () => {
    expect(nextCostText('kimi-k3.1-pro', 100_000, 32_768, 'USD', true, 'en')).toBe(
      'Next question: input ≈ $0.20, answer $0.01–$0.33, plus $0.005 per web search',
    );
    expect(nextCostText('kimi-k2.6', 100_000, 32_768, 'USD', false, 'en')).toBe("Next question: input ≈ $0.10; the answer's price is unknown");
    expect(nextCostText('kimi-k2.6', 100_000, 32_768, undefined, false, 'en')).toBe('Next question: price unknown for kimi-k2.6');
  });
});

describe('the choice stored with a conversation', () => {
  it('is read back field by field', () => {
    const raw = {
      v: 3,
      id: 'c1',
      turns: [],
      url: '',
      title: '',
      createdAt: 1,
      updatedAt: 1,
      choice: { model: 'kimi-k2.5', thinking: false, webSearch: 'yes' },
    };
    expect(migrateConversation(raw)?.choice).toEqual({ model: 'kimi-k2.5', thinking: false });
    expect(migrateConversation({ ...raw, choice: 42 })).not.toHaveProperty('choice');
  });
});
