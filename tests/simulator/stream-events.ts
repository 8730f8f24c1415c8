// Builds the list of chunk objects for a streamed answer, in the order and shape of kimi-api.md §2.3.
import type { Plan } from './behaviours';
import type { ChatBehaviour } from './types';

export interface ChunkMeta {
  id: string;
  created: number;
  model: string;
}

export interface StreamEvents {
  events: Record<string, unknown>[];
  /** Reasoning, content and tool-call deltas: events[1..bodyCount]. */
  bodyCount: number;
}

type Placement = NonNullable<ChatBehaviour['usagePlacement']>;

/** Splits into pieces of `size` code points, so surrogate pairs (emoji, rare CJK) are never torn apart. */
export function splitText(text: string, size: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  const step = Math.max(1, Math.floor(size));
  for (let i = 0; i < chars.length; i += step) out.push(chars.slice(i, i + step).join(''));
  return out;
}

export function resolvePlacement(b: ChatBehaviour, includeUsage: boolean): Placement {
  return b.usagePlacement ?? (includeUsage ? 'choice+trailing' : 'choice');
}

export function buildStreamEvents(plan: Plan, meta: ChunkMeta, chunkSize: number, placement: Placement): StreamEvents {
  const base = { id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model };
  const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ...base,
    choices: [{ index: 0, delta, finish_reason: null, ...extra }],
  });
  const events: Record<string, unknown>[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of splitText(plan.reasoning, chunkSize)) events.push(chunk({ reasoning_content: piece }));
  for (const piece of splitText(plan.content, chunkSize)) events.push(chunk({ content: piece }));
  plan.toolCalls.forEach((call, position) => {
    const index = call.index ?? position;
    events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const piece of splitText(call.arguments, chunkSize)) {
      events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    }
  });
  const bodyCount = events.length - 1;

  const inChoice = placement === 'choice' || placement === 'choice+trailing';
  const finish: Record<string, unknown> = {
    ...base,
    choices: [{ index: 0, delta: {}, finish_reason: plan.finishReason, ...(inChoice ? { usage: plan.usage } : {}) }],
  };
  if (placement === 'top-level') finish.usage = plan.usage;
  events.push(finish);
  if (placement === 'trailing' || placement === 'choice+trailing') events.push({ ...base, choices: [], usage: plan.usage });
  return { events, bodyCount };
}
