// Automatic continuation with Partial Mode (issue 3, item 4), through the worker against the simulator.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSimulator, type Simulator } from '../../simulator/server';
import { MAX_CONTINUATIONS } from '../../../utils/kimi/answer-run';
import { ask, askWorker, chats, connectionTo } from './ask-harness';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({} as never);
});

const FULL = 'First part of a long answer. Second part follows here. Third and last part.';
type Msg = { role: string; content: string; partial?: boolean; reasoning_content?: string };
const lastMessage = (i: number) => ((chats(sim)[i].json as { messages: Msg[] }).messages.at(-1) ?? {}) as Msg;

describe('automatic continuation', () => {
  it('continues a "length" answer with the partial message and streams one seamless answer', async () => {
    sim.script(
      { content: FULL.slice(0, 29), finishReason: 'length', chunkDelayMs: 0 },
      { content: FULL, chunkDelayMs: 0 }, // the simulator sends only what follows the prefill
    );
    const s = askWorker({ connect: async () => connectionTo(sim) });
    const end = await s.end();
    expect(end).toMatchObject({ type: 'bg→panel:done', finishReason: 'stop' });
    expect(s.text()).toBe(FULL);
    expect(chats(sim)).toHaveLength(2);
    expect(lastMessage(1)).toMatchObject({ role: 'assistant', content: FULL.slice(0, 29), partial: true });
    // Usage adds up both requests.
    const usage = (end as { usage?: { completionTokens: number } }).usage!;
    expect(usage.completionTokens).toBeGreaterThan(0);
  });

  it('stops after MAX_CONTINUATIONS rounds and reports "length" so the panel offers Continue', async () => {
    const parts = ['One. ', 'Two. ', 'Three. ', 'Four. ', 'Five. ', 'Six. '];
    sim.script(...parts.map((content) => ({ content, finishReason: 'length' as const, chunkDelayMs: 0 })));
    const s = askWorker({ connect: async () => connectionTo(sim) });
    expect(await s.end()).toMatchObject({ type: 'bg→panel:done', finishReason: 'length' });
    expect(chats(sim)).toHaveLength(1 + MAX_CONTINUATIONS);
    expect(s.text()).toBe(parts.slice(0, 1 + MAX_CONTINUATIONS).join(''));
    // Each round's prefill is everything so far.
    expect(lastMessage(MAX_CONTINUATIONS).content).toBe(parts.slice(0, MAX_CONTINUATIONS).join(''));
  });

  it('an empty continuation ends the loop instead of spinning', async () => {
    sim.script({ content: 'Cut here', finishReason: 'length', chunkDelayMs: 0 }, { content: 'Cut here', finishReason: 'length', chunkDelayMs: 0 });
    const s = askWorker({ connect: async () => connectionTo(sim) });
    expect(await s.end()).toMatchObject({ type: 'bg→panel:done', finishReason: 'length' });
    expect(chats(sim)).toHaveLength(2);
    expect(s.text()).toBe('Cut here');
  });

  it("thinking models: the partial message carries the cut-off turn's reasoning_content", async () => {
    sim.script(
      { reasoning: 'Let me think about foxes.', content: 'The fox', finishReason: 'length', chunkDelayMs: 0 },
      { content: 'The fox jumps.', chunkDelayMs: 0 },
    );
    const s = askWorker({ connect: async () => connectionTo(sim, { model: 'kimi-k2.6' }) });
    await s.end();
    expect(lastMessage(1)).toMatchObject({ role: 'assistant', content: 'The fox', partial: true, reasoning_content: 'Let me think about foxes.' });
    expect(s.text()).toBe('The fox jumps.');
    expect(s.reasoning()).toBe('Let me think about foxes.');
  });

  it('a manual Continue (continueFrom) keeps working and still continues automatically', async () => {
    sim.script(
      { content: 'Kept text and then some more', finishReason: 'length', chunkDelayMs: 0 },
      { content: 'Kept text and then some more, the end.', chunkDelayMs: 0 },
    );
    const s = askWorker({ connect: async () => connectionTo(sim) }, { ...ask, continueFrom: 'Kept text' });
    await s.end();
    expect(lastMessage(0)).toMatchObject({ content: 'Kept text', partial: true });
    expect(lastMessage(1)).toMatchObject({ content: 'Kept text and then some more', partial: true });
    expect(s.text()).toBe(' and then some more, the end.');
    expect(chats(sim)).toHaveLength(2);
  });
});
