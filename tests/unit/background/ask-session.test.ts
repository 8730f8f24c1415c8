// The worker's port handler against the real simulator over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleAskPort, type AskDeps } from '../../../utils/background/ask-session';
import { startSimulator, DEFAULT_KEY, type Simulator } from '../../simulator/server';
import type { AskRequest } from '../../../utils/messaging/types';
import type { BgToPanel } from '../../../utils/messaging/port-protocol';
import { createPortPair, until } from '../helpers/fake-port';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({} as never);
});

const page = { url: 'https://news.example/a', title: 'A story', text: 'The quick brown fox jumps over the lazy dog.', selection: '' };
const ask: AskRequest = { mode: 'ask', question: 'What jumps?', page, history: [], conversationId: 'conv-1' };
const deps = (): AskDeps => ({
  connect: async () => ({ base: sim.baseUrl, apiKey: DEFAULT_KEY, model: 'kimi-k2.6', locale: 'en', answerLanguage: 'auto' }),
});

function open(d: AskDeps = deps()) {
  const { panel, bg } = createPortPair('moonlit-ask');
  handleAskPort(bg as never, d);
  const got = () => panel.received as BgToPanel[];
  const text = () =>
    got()
      .map((m) => (m.type === 'bg→panel:delta' ? (m.content ?? '') : ''))
      .join('');
  return { panel, bg, got, text };
}

const chatRequests = () => sim.log.filter((r) => r.path === '/v1/chat/completions');

describe('ask session', () => {
  it('streams the answer as several deltas, then done with usage', async () => {
    sim.script({ content: 'The fox jumps over the dog, as the page says.', chunkSize: 8, chunkDelayMs: 5 });
    const s = open();
    s.panel.postMessage({ type: 'panel→bg:ask', request: ask });
    await until(() => s.got().some((m) => m.type === 'bg→panel:done'));
    expect(s.got()[0]).toEqual({ type: 'bg→panel:start', model: 'kimi-k2.6' });
    expect(s.text()).toBe('The fox jumps over the dog, as the page says.');
    expect(s.got().filter((m) => m.type === 'bg→panel:delta').length).toBeGreaterThan(3);
    const done = s.got().at(-1) as Extract<BgToPanel, { type: 'bg→panel:done' }>;
    expect(done.finishReason).toBe('stop');
    expect(done.usage?.completionTokens).toBeGreaterThan(0);
    // The page went to Kimi; the key only in the Authorization header.
    const [req] = chatRequests();
    expect(req.body).toContain('The quick brown fox jumps over the lazy dog.');
    expect(req.body).not.toContain(DEFAULT_KEY);
    expect(req.headers.authorization).toBe(`Bearer ${DEFAULT_KEY}`);
  });

  it('Stop aborts the request: no more deltas and no done', async () => {
    sim.script({ content: 'x'.repeat(400), chunkSize: 4, chunkDelayMs: 20 });
    const s = open();
    s.panel.postMessage({ type: 'panel→bg:ask', request: ask });
    await until(() => s.text().length >= 8);
    s.panel.postMessage({ type: 'panel→bg:stop' });
    // The simulator sees the connection dropped once the worker has aborted; deltas it had posted come first.
    await until(() => chatRequests()[0]?.closedAt !== undefined);
    const seen = s.text().length;
    await new Promise((r) => setTimeout(r, 200));
    expect(s.text().length).toBe(seen);
    expect(seen).toBeLessThan(400);
    expect(s.got().some((m) => m.type === 'bg→panel:done' || m.type === 'bg→panel:error')).toBe(false);
    expect(chatRequests()).toHaveLength(1);
  });

  it('a closed panel aborts the request too', async () => {
    sim.script({ content: 'y'.repeat(400), chunkSize: 4, chunkDelayMs: 20 });
    const signals: AbortSignal[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return fetch(input, init);
    };
    const s = open({ ...deps(), fetchImpl });
    s.panel.postMessage({ type: 'panel→bg:ask', request: ask });
    await until(() => s.text().length >= 8);
    expect(signals.some((x) => x.aborted)).toBe(false);
    s.panel.disconnect();
    await until(() => signals.length > 0 && signals.every((x) => x.aborted));
    expect(chatRequests()).toHaveLength(1);
  });

  it('turns an HTTP error into a failure message, with one request only', async () => {
    sim.script({ error: { status: 401, type: 'invalid_authentication_error', message: 'Invalid Authentication' } });
    const s = open();
    s.panel.postMessage({ type: 'panel→bg:ask', request: ask });
    await until(() => s.got().some((m) => m.type === 'bg→panel:error'));
    const err = s.got().find((m) => m.type === 'bg→panel:error') as Extract<BgToPanel, { type: 'bg→panel:error' }>;
    expect(err.failure).toMatchObject({ kind: 'http', status: 401, type: 'invalid_authentication_error' });
    expect(chatRequests()).toHaveLength(1);
  });

  it('reports a missing key without calling Kimi', async () => {
    const s = open({ connect: async () => ({ kind: 'no-key' }) });
    s.panel.postMessage({ type: 'panel→bg:ask', request: ask });
    await until(() => s.got().length === 1);
    expect(s.got()[0]).toEqual({ type: 'bg→panel:error', failure: { kind: 'no-key' } });
    expect(sim.log).toHaveLength(0);
  });

  it('answers one question per port and ignores malformed messages', async () => {
    sim.script({ content: 'one', chunkDelayMs: 1 });
    const s = open();
    s.panel.postMessage({ type: 'panel→bg:ask', request: { mode: 'hack' } });
    s.panel.postMessage({ type: 'panel→bg:ask', request: ask });
    s.panel.postMessage({ type: 'panel→bg:ask', request: ask });
    await until(() => s.got().some((m) => m.type === 'bg→panel:done'));
    await new Promise((r) => setTimeout(r, 50));
    expect(chatRequests()).toHaveLength(1);
  });
});
