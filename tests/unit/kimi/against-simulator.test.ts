// streamChat / listModels / buildChatBody against the real simulator over loopback HTTP.
// Every test also checks the simulator saw exactly one request per call: no hidden retries.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_KEY, startSimulator, type Simulator } from '../../simulator/server';
import { streamChat } from '../../../utils/kimi/chat-stream';
import { listModels, pickDefaultModel } from '../../../utils/kimi/models';
import { buildChatBody, type BuildChatInput } from '../../../utils/kimi/request';
import { describeFailure } from '../../../utils/kimi/error-table';
import { KimiError, isAbort } from '../../../utils/kimi/errors';
import type { AskRequest } from '../../../utils/messaging/types';
import { collect, textOf } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  sim.setDefault({ chunkDelayMs: 0 });
});

/** Scripted behaviours replace the default one, so each asks for no delay between chunks itself. */
const script = (...behaviours: Parameters<Simulator['script']>) => sim.script(...behaviours.map((b) => ({ chunkDelayMs: 0, ...b })));
const chatRequests = () => sim.log.filter((r) => r.path === '/v1/chat/completions');
const ask = (over: Partial<AskRequest> = {}): AskRequest => ({
  mode: 'ask',
  question: 'What does the page say about tides?',
  page: { url: 'https://example.org/tides', title: 'Tides', text: 'The Moon pulls the oceans; 月亮引起潮汐。\n'.repeat(50), selection: '' },
  history: [],
  ...over,
});
const body = (over: Partial<BuildChatInput> = {}) =>
  buildChatBody({ ask: ask(), model: 'kimi-k2.6', now: new Date('2026-11-26T12:00:00Z'), timeZone: 'UTC', locale: 'en', conversationId: 'c1', ...over });
const chat = (b = body(), extra: Partial<Parameters<typeof streamChat>[0]> = {}) =>
  collect(streamChat({ base: sim.baseUrl, apiKey: DEFAULT_KEY, body: b, ...extra }));
const failure = (error: unknown) => {
  expect(error).toBeInstanceOf(KimiError);
  return (error as KimiError).failure;
};

describe('against the simulator: answers', () => {
  it('lists models, picks the default and streams its answer with one request each', async () => {
    const models = await listModels({ base: sim.baseUrl, apiKey: DEFAULT_KEY });
    expect(sim.log.filter((r) => r.path === '/v1/models')).toHaveLength(1);
    const pick = pickDefaultModel(models);
    expect(pick.id).toBe('kimi-k2.6');
    const { events, error } = await chat(body({ model: pick.id, listed: models.find((m) => m.id === pick.id) }));
    expect(error).toBeUndefined();
    expect(textOf(events, 'content')).toContain('## Answer');
    expect(textOf(events, 'content')).toContain('What does the page say about tides?');
    expect(events.filter((e) => e.type === 'usage')).toHaveLength(1);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(chatRequests()).toHaveLength(1);
    expect(chatRequests()[0].headers.authorization).toBe(`Bearer ${DEFAULT_KEY}`);
  });

  it.each([
    ['kimi-k2.6', {}],
    ['kimi-k2.6', { thinking: false }],
    ['kimi-k2.5', { thinking: true }],
    ['kimi-k3', { reasoningEffort: 'low' as const }],
    ['moonshot-v1-8k', {}],
    ['moonshot-v1-32k', {}],
    ['moonshot-v1-128k', {}],
  ])('the simulator accepts the body built for %s %j', async (model, extra) => {
    const models = await listModels({ base: sim.baseUrl, apiKey: DEFAULT_KEY });
    const { error } = await chat(body({ model, listed: models.find((m) => m.id === model), ...extra }));
    expect(error).toBeUndefined();
  });

  it('fits a long page into moonshot-v1-8k without exceeding the token limit', async () => {
    const page = { url: 'https://example.org/long', title: 'Long', text: 'Tides rise and fall. 潮汐涨落。'.repeat(300), selection: '' };
    const { error } = await chat(body({ model: 'moonshot-v1-8k', ask: ask({ page }) }));
    expect(error).toBeUndefined();
  });

  it('reports a length finish, and usage once wherever the simulator puts it', async () => {
    script({ finishReason: 'length' }, { usagePlacement: 'top-level' }, { usagePlacement: 'choice+trailing' }, { usagePlacement: 'trailing' });
    const length = await chat();
    expect(length.events.at(-1)).toEqual({ type: 'finish', reason: 'length' });
    for (let i = 0; i < 3; i++) {
      const { events, error } = await chat();
      expect(error).toBeUndefined();
      expect(events.filter((e) => e.type === 'usage')).toHaveLength(1);
    }
    expect(chatRequests()).toHaveLength(4);
  });

  it('parses multi-line data and keep-alive comments', async () => {
    script({ content: 'Multi\nline 多行 answer.', multiLineData: true, comments: true });
    const { events, error } = await chat();
    expect(error).toBeUndefined();
    expect(textOf(events, 'content')).toBe('Multi\nline 多行 answer.');
  });

  it('streams reasoning before content', async () => {
    script({ reasoning: 'First I read the page.', content: 'The answer.' });
    const { events } = await chat();
    expect(textOf(events, 'reasoning')).toBe('First I read the page.');
    expect(textOf(events, 'content')).toBe('The answer.');
    const firstContent = events.findIndex((e) => e.type === 'delta' && e.content);
    expect(events.slice(firstContent).some((e) => e.type === 'delta' && e.reasoning)).toBe(false);
  });
});

describe('against the simulator: broken streams', () => {
  const full = 'One. Two. Three. Four. Five. Six. Seven. Eight.';

  it('throws incomplete when the connection drops before [DONE], and Partial Mode continues it', async () => {
    script({ content: full, chunkSize: 5, dropAfterChunks: 3 }, { content: full, chunkSize: 5 });
    const first = await chat();
    expect(failure(first.error).kind).toBe('incomplete');
    const soFar = textOf(first.events, 'content');
    expect(soFar).toBe(full.slice(0, 15));
    const second = await chat(body({ ask: ask({ continueFrom: soFar }) }));
    expect(second.error).toBeUndefined();
    expect(soFar + textOf(second.events, 'content')).toBe(full);
    const last = (chatRequests()[1].json as { messages: { role: string; partial?: boolean; content: string }[] }).messages.at(-1);
    expect(last).toEqual({ role: 'assistant', content: soFar, partial: true });
    expect(chatRequests()).toHaveLength(2);
  });

  it('throws incomplete after finish_reason and usage when only [DONE] is missing', async () => {
    script({ content: 'Short.', omitDone: true });
    const { events, error } = await chat();
    expect(failure(error).kind).toBe('incomplete');
    expect(events.some((e) => e.type === 'usage')).toBe(true);
    expect(chatRequests()).toHaveLength(1);
  });

  it('throws stream-error for an error event inside the 200 stream', async () => {
    script({ content: full, chunkSize: 5, streamError: { afterChunks: 2, type: 'server_error', message: 'invalid state transition' } });
    const { events, error } = await chat();
    expect(textOf(events, 'content')).toBe(full.slice(0, 10));
    expect(failure(error)).toMatchObject({ kind: 'stream-error', type: 'server_error', message: 'invalid state transition' });
    expect(failure(error).requestId).toBeTruthy();
    expect(chatRequests()).toHaveLength(1);
  });

  it('rethrows the AbortError when the caller stops mid-stream', async () => {
    script({ content: full, chunkSize: 3, chunkDelayMs: 30 });
    const controller = new AbortController();
    let error: unknown;
    try {
      for await (const e of streamChat({ base: sim.baseUrl, apiKey: DEFAULT_KEY, body: body(), signal: controller.signal })) {
        if (e.type === 'delta') controller.abort();
      }
    } catch (e) {
      error = e;
    }
    expect(isAbort(error)).toBe(true);
    expect(error).not.toBeInstanceOf(KimiError);
    expect(chatRequests()).toHaveLength(1);
  });

  it('throws timeout when the first byte is too slow, without retrying', async () => {
    script({ firstByteDelayMs: 2000 });
    const { error } = await chat(body(), { firstByteTimeoutMs: 100 });
    expect(failure(error).kind).toBe('timeout');
    expect(chatRequests()).toHaveLength(1);
  });
});

describe('against the simulator: HTTP errors', () => {
  it('401 for a wrong key, from both calls, pointing to the settings', async () => {
    const models = await listModels({ base: sim.baseUrl, apiKey: 'sk-wrong' }).catch((e: unknown) => e);
    expect(failure(models)).toMatchObject({ kind: 'http', status: 401, type: 'invalid_authentication_error' });
    const { error } = await collect(streamChat({ base: sim.baseUrl, apiKey: 'sk-wrong', body: body() }));
    expect(failure(error)).toMatchObject({ kind: 'http', status: 401, type: 'invalid_authentication_error' });
    expect(failure(error).requestId).toBeTruthy();
    expect(describeFailure(failure(error)).action).toBe('open-options');
    expect(chatRequests()).toHaveLength(1);
  });

  it('404 for an unknown model', async () => {
    const { error } = await chat(body({ model: 'kimi-k9' }));
    expect(failure(error)).toMatchObject({ kind: 'http', status: 404, type: 'resource_not_found_error' });
    expect(describeFailure(failure(error)).action).toBe('open-options');
    expect(chatRequests()).toHaveLength(1);
  });

  it('429 rate limit with the wait read from the message, and no retry', async () => {
    script({
      error: {
        status: 429,
        type: 'rate_limit_reached_error',
        message: 'Your account sim<ak> request reached organization max RPM: 3, please try again after 4 seconds',
      },
    });
    const { error } = await chat();
    expect(failure(error)).toMatchObject({ kind: 'http', status: 429, type: 'rate_limit_reached_error', retryAfterSeconds: 4 });
    expect(describeFailure(failure(error))).toMatchObject({ action: 'wait', retryAfterSeconds: 4 });
    expect(chatRequests()).toHaveLength(1);
  });

  it('429 out of balance asks for a top-up', async () => {
    sim.setBalance({ cash_balance: 0, voucher_balance: 0 });
    const { error } = await chat();
    expect(describeFailure(failure(error)).action).toBe('top-up');
    expect(chatRequests()).toHaveLength(1);
  });

  it('an HTML error page: 502 from a CDN is a server error, a 200 page is not the API', async () => {
    script(
      { error: { status: 502, rawBody: '<html><body><h1>502 Bad Gateway</h1></body></html>' } },
      { error: { status: 200, rawBody: '<!doctype html><title>Login</title><p>Please sign in</p>' } },
    );
    const cdn = await chat();
    expect(failure(cdn.error)).toMatchObject({ kind: 'http', status: 502, message: '502 Bad Gateway' });
    expect(describeFailure(failure(cdn.error)).action).toBe('retry');
    const page = await chat();
    expect(failure(page.error).kind).toBe('not-api');
    expect(chatRequests()).toHaveLength(2);
  });

  it('network failure when nothing listens', async () => {
    const gone = await startSimulator();
    const base = gone.baseUrl;
    await gone.close();
    const { error } = await collect(streamChat({ base, apiKey: DEFAULT_KEY, body: body() }));
    expect(failure(error).kind).toBe('network');
    expect(describeFailure(failure(error)).advice).toMatch(/refused/);
  });
});
