// A misbehaving endpoint's tool calls, through the worker against the simulator (issue 18, part 4).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { MAX_TOOL_CALLS } from '../../../utils/kimi/round';
import { askWorker, chats, connectionTo, resetForWorker } from './ask-harness';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => resetForWorker(sim));

type Msg = { role: string; content: string; name?: string };
const sent = (i: number) => chats(sim)[i].json as { messages: Msg[]; tools?: { function: { name: string } }[] };

describe('tool calls from a misbehaving endpoint', () => {
  it.each([MAX_TOOL_CALLS, 2 ** 32, 1e15])('index %d: a protocol error after the text so far, one request, nothing run', async (index) => {
    sim.script({ content: 'Kept so far. ', toolCalls: [{ id: 'c:0', name: 'calculator', arguments: '{"expression":"1+1"}', index }], chunkDelayMs: 0 });
    const s = askWorker({ connect: async () => connectionTo(sim) });
    const failure = await s.failure();
    expect(failure.kind).toBe('protocol');
    expect(failure.message).toContain(String(index));
    expect(s.text()).toBe('Kept so far. ');
    expect(s.got().some((m) => m.type === 'bg→panel:tool')).toBe(false);
    expect(chats(sim)).toHaveLength(1);
  });

  it('$web_search with web search off: not echoed, the model reads a refusal, the panel hears it was refused', async () => {
    const args = '{"search_result":{"search_id":"s-99"},"usage":{"total_tokens":500}}';
    sim.script(
      { toolCalls: [{ id: 'search:0', name: '$web_search', arguments: args }], chunkDelayMs: 0 },
      { content: 'Answered without it.', chunkDelayMs: 0 },
    );
    const s = askWorker({ connect: async () => connectionTo(sim, { model: 'moonshot-v1-128k' }) });
    expect(await s.end()).toMatchObject({ type: 'bg→panel:done', tools: [{ name: '$web_search', refused: true }] });
    expect(chats(sim)).toHaveLength(2);
    expect((sent(0).tools ?? []).map((t) => t.function.name)).toEqual(['calculator']);
    const result = sent(1).messages.at(-1)!;
    expect(result).toMatchObject({ role: 'tool', name: '$web_search' });
    expect(result.content).not.toContain('s-99');
    expect(result.content).toMatch(/was offered in this request/);
    expect(s.text()).toBe('Answered without it.');
  });

  it('a made-up tool name is refused the same way; an offered one in the same step still runs', async () => {
    sim.script(
      {
        toolCalls: [
          { id: 'a:0', name: 'read_other_tabs', arguments: '{"all":true}' },
          { id: 'c:1', name: 'calculator', arguments: '{"expression":"6*7"}' },
        ],
        chunkDelayMs: 0,
      },
      { content: '42.', chunkDelayMs: 0 },
    );
    const end = await askWorker({ connect: async () => connectionTo(sim, { model: 'moonshot-v1-128k' }) }).end();
    expect(end).toMatchObject({
      type: 'bg→panel:done',
      tools: [
        { name: 'read_other_tabs', refused: true },
        { name: 'calculator', detail: '6*7 = 42' },
      ],
    });
    const [refusal, result] = sent(1).messages.slice(-2);
    expect(refusal.content).toMatch(/no tool named "read_other_tabs" was offered/);
    expect(result.content).toBe('42');
  });
});
