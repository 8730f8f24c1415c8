// Token budget (issue 3, item 3): a page that fits comfortably costs one request; near the window Kimi's
// count sizes max_tokens; a prompt that can't fit fails before anything is sent. Never a "token limit" 400.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { describeFailure } from '../../../utils/kimi/error-table';
import { balanceCacheItem } from '../../../utils/storage/items';
import { ask, askWorker, apiRequests, chats, connectionTo, resetForWorker } from './ask-harness';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => resetForWorker(sim));

const ESTIMATE = '/v1/tokenizers/estimate-token-count';
const v1_8k = { connect: async () => connectionTo(sim, { model: 'moonshot-v1-8k', listed: { id: 'moonshot-v1-8k', contextLength: 8192 } }) };
const withPage = (repeat: number) => ({ ...ask, page: { ...ask.page!, text: 'The Moon pulls the oceans. '.repeat(repeat) } });
const body = (i: number) => chats(sim)[i].json as { max_tokens: number };

describe('token budget', () => {
  it('a page that fits comfortably costs exactly one request', async () => {
    const s = askWorker({ connect: async () => connectionTo(sim) }, withPage(200));
    expect(await s.end()).toMatchObject({ type: 'bg→panel:done', finishReason: 'stop' });
    expect(sim.log.map((r) => r.path)).toEqual(['/v1/chat/completions']);
  });

  it('near the window: Kimi counts the prompt, max_tokens = context − count − margin, and the chat succeeds', async () => {
    const s = askWorker(v1_8k, withPage(800));
    expect(await s.end()).toMatchObject({ type: 'bg→panel:done' });
    expect(sim.log.map((r) => r.path)).toEqual([ESTIMATE, '/v1/chat/completions']);
    const counted = JSON.parse(
      '' +
        (await (
          await fetch(`${sim.baseUrl}/tokenizers/estimate-token-count`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${sim.key}`, 'Content-Type': 'application/json' },
            body: apiRequests(sim, ESTIMATE)[0].body,
          })
        ).text()),
    ).data.total_tokens as number;
    expect(body(0).max_tokens).toBe(8192 - counted - 256);
    // The estimate request carried the same messages and tools as the chat.
    const est = apiRequests(sim, ESTIMATE)[0].json as { messages: unknown; tools: unknown };
    const chat = chats(sim)[0].json as { messages: unknown; tools: unknown };
    expect(est.messages).toEqual(chat.messages);
    expect(est.tools).toEqual(chat.tools);
  });

  it('a prompt that cannot fit fails before sending: 1 count, 0 chats, with the numbers and the choices', async () => {
    const f = await askWorker(v1_8k, withPage(1300)).failure();
    expect(sim.log.map((r) => r.path)).toEqual([ESTIMATE]);
    expect(f).toMatchObject({ kind: 'too-long', contextLength: 8192, model: 'moonshot-v1-8k' });
    expect(f.promptTokens).toBeGreaterThan(8192 - 256 - 512);
    const info = describeFailure(f);
    expect(info.action).toBe('shorten');
    expect(info.advice).toContain('8,192');
    expect(info.advice).toMatch(/larger context window/);
    expect(info.advice).toMatch(/read in parts/);
  });

  it('never causes "exceeded model token limit": every size from small to too big either answers or fails before sending', async () => {
    const outcomes = new Set<string>();
    for (const repeat of [100, 700, 900, 1000, 1100, 1200]) {
      sim.reset();
      sim.setDefault({ chunkDelayMs: 0 });
      const end = await askWorker(v1_8k, withPage(repeat)).end();
      outcomes.add(end.type);
      if (end.type === 'bg→panel:error') expect(end.failure.kind, `×${repeat}`).toBe('too-long');
      for (const r of chats(sim)) expect(r.json, `×${repeat}`).toBeTruthy();
      expect(end.type === 'bg→panel:done' || chats(sim).length === 0, `×${repeat}`).toBe(true);
    }
    // The sizes straddle the window: some answered, some were stopped before sending.
    expect([...outcomes].sort()).toEqual(['bg→panel:done', 'bg→panel:error']);
  });

  it('an endpoint without the counting API falls back to the local estimate (1 count attempt + 1 chat)', async () => {
    const fetchImpl: typeof fetch = (input, init) =>
      String(input).endsWith('/tokenizers/estimate-token-count') ? Promise.resolve(new Response('Not Found', { status: 404 })) : fetch(input, init);
    const s = askWorker({ ...v1_8k, fetchImpl }, withPage(800));
    expect(await s.end()).toMatchObject({ type: 'bg→panel:done' });
    expect(sim.log.map((r) => r.path)).toEqual(['/v1/chat/completions']);
    expect(body(0).max_tokens).toBeGreaterThanOrEqual(512);
  });

  it('the balance check comes after the answer, never before the first token, and at most once per few minutes', async () => {
    const first = askWorker({ connect: async () => connectionTo(sim), balanceCheck: true });
    await first.end();
    await vi.waitFor(async () => expect(await balanceCacheItem.getValue()).not.toBeNull());
    expect(sim.log.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/users/me/balance']);
    expect(sim.log[1].receivedAt).toBeGreaterThanOrEqual(sim.log[0].firstByteAt!);
    expect(await balanceCacheItem.getValue()).toMatchObject({ base: sim.baseUrl, available: 15.25 });
    await askWorker({ connect: async () => connectionTo(sim), balanceCheck: true }).end();
    await new Promise((r) => setTimeout(r, 50));
    expect(apiRequests(sim, '/v1/users/me/balance')).toHaveLength(1);
  });
});
