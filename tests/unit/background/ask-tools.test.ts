// Tool rounds through the worker against the simulator (issue 3, item 6).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { MAX_TOOL_ROUNDS } from '../../../utils/kimi/answer-run';
import { askWorker, chats, connectionTo, resetForWorker } from './ask-harness';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => resetForWorker(sim));

type Msg = { role: string; content: string; tool_calls?: unknown[]; tool_call_id?: string; name?: string; reasoning_content?: string };
const sent = (i: number) => chats(sim)[i].json as { messages: Msg[]; tools?: { type: string; function: { name: string } }[]; tool_choice?: string };
const toolNames = (i: number) => (sent(i).tools ?? []).map((t) => t.function.name);

describe('tools', () => {
  it('calculator: the worker evaluates the call, sends the result back, and the panel hears about it (thinking model)', async () => {
    sim.script(
      { toolCalls: [{ id: 'calculator:0', name: 'calculator', arguments: '{"expression":"12*7"}' }], chunkDelayMs: 0 },
      { content: 'It is 84.', chunkDelayMs: 0 },
    );
    const s = askWorker({ connect: async () => connectionTo(sim, { model: 'kimi-k2.6' }) });
    const end = await s.end();
    expect(end).toMatchObject({ type: 'bg→panel:done', finishReason: 'stop', tools: [{ name: 'calculator', detail: '12*7 = 84' }] });
    expect(s.got().some((m) => m.type === 'bg→panel:tool')).toBe(true);
    expect(chats(sim)).toHaveLength(2);
    const [assistant, tool] = sent(1).messages.slice(-2);
    // Thinking on: the tool-call turn keeps its reasoning_content (the simulator returns 400 without it).
    expect(assistant).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'calculator:0', function: { name: 'calculator' } }] });
    expect(typeof assistant.reasoning_content).toBe('string');
    expect(tool).toEqual({ role: 'tool', tool_call_id: 'calculator:0', name: 'calculator', content: '84' });
    expect(s.text()).toBe('It is 84.');
  });

  it('web search is off by default: only the calculator is declared', async () => {
    await askWorker({ connect: async () => connectionTo(sim) }).end();
    expect(toolNames(0)).toEqual(['calculator']);
  });

  it('$web_search when enabled: declared as a builtin, arguments sent back unchanged, same tool list on every request', async () => {
    const args = '{"search_result":{"search_id":"s-42"},"usage":{"total_tokens":250}}';
    sim.script({ toolCalls: [{ id: 'search:0', name: '$web_search', arguments: args }], chunkDelayMs: 0 }, { content: 'Found it.', chunkDelayMs: 0 });
    const s = askWorker({ connect: async () => connectionTo(sim, { webSearch: true }) });
    expect(await s.end()).toMatchObject({ type: 'bg→panel:done', tools: [{ name: '$web_search' }] });
    expect(sent(0).tools).toEqual(sent(1).tools);
    expect(sent(0).tools?.find((t) => t.function.name === '$web_search')?.type).toBe('builtin_function');
    expect(sent(1).messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'search:0', name: '$web_search', content: args });
    expect(chats(sim)).toHaveLength(2);
  });

  it('the tool loop is bounded: after MAX_TOOL_ROUNDS the model is told to answer without tools', async () => {
    const call = { toolCalls: [{ id: 'c:0', name: 'calculator', arguments: '{"expression":"1+1"}' }], chunkDelayMs: 0 };
    sim.script(...Array.from({ length: 10 }, () => call));
    const end = await askWorker({ connect: async () => connectionTo(sim) }).end();
    expect(end.type).toBe('bg→panel:done');
    expect(chats(sim)).toHaveLength(1 + MAX_TOOL_ROUNDS);
    expect(sent(MAX_TOOL_ROUNDS).tool_choice).toBe('none');
    expect(sent(MAX_TOOL_ROUNDS - 1).tool_choice).toBeUndefined();
  });

  it('a calculator error goes back to the model as the result text', async () => {
    sim.script(
      { toolCalls: [{ id: 'c:0', name: 'calculator', arguments: '{"expression":"2/0"}' }], chunkDelayMs: 0 },
      { content: 'Undefined.', chunkDelayMs: 0 },
    );
    await askWorker({ connect: async () => connectionTo(sim, { model: 'moonshot-v1-128k' }) }).end();
    expect(sent(1).messages.at(-1)).toMatchObject({ role: 'tool', content: 'Error: division by zero.' });
    // No thinking on moonshot-v1: no reasoning_content added.
    expect(sent(1).messages.at(-2)).not.toHaveProperty('reasoning_content');
  });
});
