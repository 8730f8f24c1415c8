import { describe, expect, it } from 'vitest';
import { buildChatBody, MIN_CAP, THINKING_FLOOR, type BuildChatInput } from '../../../utils/kimi/request';
import { modelProfile } from '../../../utils/kimi/model-table';
import { estimateMessagesTokens } from '../../../utils/kimi/tokens';
import type { AskRequest } from '../../../utils/messaging/types';
import type { PageContent } from '../../../utils/sources/types';

const page: PageContent = {
  url: 'https://example.org/article',
  title: 'How tides work',
  text: 'The Moon pulls the oceans. '.repeat(200),
  selection: '',
  lang: 'en',
};
const ask = (over: Partial<AskRequest> = {}): AskRequest => ({ mode: 'ask', question: 'Why are there two tides a day?', page, history: [], ...over });
const input = (over: Partial<BuildChatInput> = {}): BuildChatInput => ({
  ask: ask(),
  model: 'kimi-k2.6',
  now: new Date('2026-11-26T13:03:00Z'),
  timeZone: 'Europe/Berlin',
  locale: 'en',
  ...over,
});

const SAMPLING = ['temperature', 'top_p', 'n', 'presence_penalty', 'frequency_penalty'];

describe('buildChatBody', () => {
  it('streams with usage and an explicit integer max_tokens', () => {
    const body = buildChatBody(input());
    expect(body).toMatchObject({ model: 'kimi-k2.6', stream: true, stream_options: { include_usage: true } });
    expect(Number.isInteger(body.max_tokens)).toBe(true);
    expect(body.max_tokens).toBeGreaterThanOrEqual(THINKING_FLOOR);
  });

  it.each(['kimi-k2.6', 'kimi-k2.5', 'kimi-k2.7-code', 'kimi-k3', 'some-unknown-model'])('sends no sampling parameters to %s', (model) => {
    const body = buildChatBody(input({ model }));
    for (const key of SAMPLING) expect(body, key).not.toHaveProperty(key);
  });

  it('sends the recommended temperature to moonshot-v1 (free sampling)', () => {
    expect(buildChatBody(input({ model: 'moonshot-v1-128k' })).temperature).toBe(0.3);
  });

  it.each(['kimi-k2.6', 'kimi-k3', 'moonshot-v1-8k', 'moonshot-v1-32k', 'kimi-k2-thinking', 'mystery'])(
    'keeps prompt + max_tokens inside the context of %s',
    (model) => {
      for (const repeat of [1, 200, 2000]) {
        const big = { ...page, text: 'Tides rise and fall twice a day. 潮汐每天涨落两次。'.repeat(repeat) };
        const body = buildChatBody(input({ model, ask: ask({ page: big }) }));
        const profile = modelProfile(model);
        const prompt = estimateMessagesTokens(body.messages);
        if (prompt + MIN_CAP < profile.contextLength) expect(body.max_tokens + prompt, `${model} ×${repeat}`).toBeLessThanOrEqual(profile.contextLength);
        expect(body.max_tokens).toBeLessThanOrEqual(Math.max(profile.maxOutput, THINKING_FLOOR));
        expect(body.max_tokens).toBeGreaterThanOrEqual(MIN_CAP);
      }
    },
  );

  it('gives thinking models at least 16000 tokens when the window allows, and less when it does not', () => {
    expect(buildChatBody(input({ model: 'kimi-k3' })).max_tokens).toBeGreaterThanOrEqual(THINKING_FLOOR);
    const listed = { id: 'tiny-thinker', contextLength: 20_000, supportsReasoning: true };
    const roomy = buildChatBody(input({ model: 'tiny-thinker', listed }));
    expect(roomy.max_tokens).toBe(THINKING_FLOOR);
    const longer = { ...page, text: 'The Moon pulls the oceans. '.repeat(800) };
    const body = buildChatBody(input({ model: 'tiny-thinker', listed, ask: ask({ page: longer }) }));
    expect(body.max_tokens).toBeLessThan(THINKING_FLOOR);
    expect(body.max_tokens + estimateMessagesTokens(body.messages)).toBeLessThanOrEqual(20_000);
  });

  it('uses the context length from /v1/models over the table', () => {
    const small = buildChatBody(input({ model: 'kimi-k2.6', listed: { id: 'kimi-k2.6', contextLength: 8192 } }));
    expect(small.max_tokens + estimateMessagesTokens(small.messages)).toBeLessThanOrEqual(8192);
  });

  it('sends prompt_cache_key only with a conversation id', () => {
    expect(buildChatBody(input({ conversationId: 'conv-1' })).prompt_cache_key).toBe('conv-1');
    expect(buildChatBody(input())).not.toHaveProperty('prompt_cache_key');
  });

  it('sends `thinking` only when asked and only to models that accept it', () => {
    expect(buildChatBody(input())).not.toHaveProperty('thinking');
    expect(buildChatBody(input({ thinking: false })).thinking).toEqual({ type: 'disabled' });
    expect(buildChatBody(input({ model: 'kimi-k2.5', thinking: true })).thinking).toEqual({ type: 'enabled' });
    for (const model of ['kimi-k3', 'kimi-k2.7-code', 'moonshot-v1-128k', 'kimi-k2-thinking']) {
      expect(buildChatBody(input({ model, thinking: false })), model).not.toHaveProperty('thinking');
    }
  });

  it('lowers the floor when thinking is switched off', () => {
    const listed = { id: 'kimi-k2.6', contextLength: 20_000 };
    const on = buildChatBody(input({ listed }));
    const off = buildChatBody(input({ listed, thinking: false }));
    expect(off.max_tokens).toBeLessThanOrEqual(on.max_tokens);
  });

  it('sends reasoning_effort to kimi-k3 only', () => {
    expect(buildChatBody(input({ model: 'kimi-k3', reasoningEffort: 'low' })).reasoning_effort).toBe('low');
    expect(buildChatBody(input({ reasoningEffort: 'low' }))).not.toHaveProperty('reasoning_effort');
  });

  it('continues with Partial Mode: the last message is the partial assistant text', () => {
    const body = buildChatBody(input({ ask: ask({ continueFrom: 'Because the Moon' }) }));
    expect(body.messages.at(-1)).toEqual({ role: 'assistant', content: 'Because the Moon', partial: true });
    expect(body.messages.at(-2)?.role).toBe('user');
    expect(body.messages.filter((m) => m.partial)).toHaveLength(1);
  });
});
