// The panel's model / thinking / effort / web search choice, as the worker applies it to the request it sends.
import { describe, expect, it } from 'vitest';
import { ask, askWorker, chats, connectionTo, workerSimulator } from './ask-harness';
import type { AskChoice } from '../../../utils/kimi/types';

const sim = workerSimulator();
const models = [
  { id: 'kimi-k2.6', contextLength: 262_144 },
  { id: 'kimi-k2.5', contextLength: 262_144 },
  { id: 'kimi-k3', contextLength: 1_048_576 },
  { id: 'moonshot-v1-128k', contextLength: 131_072 },
];

async function sent(choice: unknown, over: Parameters<typeof connectionTo>[1] = {}) {
  const a = askWorker({ connect: async () => connectionTo(sim(), { models, ...over }) }, { ...ask, choice: choice as AskChoice });
  const end = await a.end();
  expect(end.type).toBe('bg→panel:done');
  const body = JSON.parse(chats(sim()).at(-1)!.body) as Record<string, unknown> & { tools?: { function: { name: string } }[] };
  return { body, start: a.got()[0], tools: (body.tools ?? []).map((t) => t.function.name) };
}

describe('the panel choice at the worker', () => {
  it('no choice: the saved model, no thinking field, no web search', async () => {
    const { body, tools } = await sent(undefined);
    expect(body.model).toBe('kimi-k2.6');
    expect(body.thinking).toBeUndefined();
    expect(tools).not.toContain('$web_search');
  });

  it('another model and thinking off reach the request, and the panel is told the model', async () => {
    const { body, start } = await sent({ model: 'kimi-k2.5', thinking: false });
    expect(body.model).toBe('kimi-k2.5');
    expect(body.thinking).toEqual({ type: 'disabled' });
    expect(start).toEqual({ type: 'bg→panel:start', model: 'kimi-k2.5' });
  });

  it('reasoning effort goes to kimi-k3 only; thinking is never sent to it or to moonshot-v1', async () => {
    const k3 = await sent({ model: 'kimi-k3', thinking: false, reasoningEffort: 'low' });
    expect(k3.body.reasoning_effort).toBe('low');
    expect(k3.body.thinking).toBeUndefined();
    const v1 = await sent({ model: 'moonshot-v1-128k', thinking: true, reasoningEffort: 'high' });
    expect(v1.body.reasoning_effort).toBeUndefined();
    expect(v1.body.thinking).toBeUndefined();
  });

  it('web search on kimi-k2.5 turns thinking off (they do not combine there); on kimi-k2.6 both stay', async () => {
    const k25 = await sent({ model: 'kimi-k2.5', thinking: true, webSearch: true });
    expect(k25.tools).toContain('$web_search');
    expect(k25.body.thinking).toEqual({ type: 'disabled' });
    const k26 = await sent({ model: 'kimi-k2.6', thinking: true, webSearch: true });
    expect(k26.tools).toContain('$web_search');
    expect(k26.body.thinking).toEqual({ type: 'enabled' });
  });

  it('a malformed choice is read field by field at the boundary: bad fields are left out', async () => {
    const { body } = await sent({ model: 'kimi-k2.5\n<script>', thinking: 'no', reasoningEffort: 'extreme', webSearch: 1 });
    expect(body.model).toBe('kimi-k2.6');
    expect(body.thinking).toBeUndefined();
    expect(body.tools).toBeDefined();
    expect(JSON.stringify(body.tools)).not.toContain('$web_search');
  });
});
