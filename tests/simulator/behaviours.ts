// Turns a request + its ChatBehaviour into a plan: the exact text, tool calls, finish reason and usage to send.
import { defaultAnswer, messageText } from './answer';
import type { ValidChat } from './chat-validate';
import type { SimState } from './state';
import { cutToTokens, textTokens } from './tokens';
import type { ChatBehaviour } from './types';

/** Used when thinking is on, tool calls are scripted and no reasoning is: real thinking models always think first. */
export const TOOL_REASONING = 'The question needs a tool; I will call it.';

export interface UsageWire {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cached_tokens: number;
  completion_tokens_details: { reasoning_tokens: number };
  prompt_tokens_details: { cached_tokens: number };
}

export interface Plan {
  reasoning: string;
  content: string;
  toolCalls: NonNullable<ChatBehaviour['toolCalls']>;
  finishReason: string;
  usage: UsageWire;
  /** True when reasoning_content belongs in the reply (thinking on), even if empty. */
  thinking: boolean;
}

/** Drops `prefix` from the front of `text` when it is there (Partial Mode never repeats the prefill). */
const continueAfter = (text: string, prefix: string) => (prefix && text.startsWith(prefix) ? text.slice(prefix.length) : text);

/** `$web_search` results are billed into the next prompt: add arguments.usage.total_tokens of each such tool message. */
function webSearchTokens(messages: Record<string, unknown>[]): number {
  let n = 0;
  for (const m of messages) {
    if (m.role !== 'tool' || m.name !== '$web_search' || typeof m.content !== 'string') continue;
    try {
      const t = (JSON.parse(m.content) as { usage?: { total_tokens?: unknown } }).usage?.total_tokens;
      if (typeof t === 'number') n += t;
    } catch {
      // not JSON: nothing to add
    }
  }
  return n;
}

function cutAtStop(text: string, stop: unknown): { text: string; stopped: boolean } {
  const stops = typeof stop === 'string' ? [stop] : Array.isArray(stop) ? (stop as string[]) : [];
  let at = -1;
  for (const s of stops) {
    const i = s ? text.indexOf(s) : -1;
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at < 0 ? { text, stopped: false } : { text: text.slice(0, at), stopped: true };
}

export function buildPlan(state: SimState, chat: ValidChat, body: Record<string, unknown>, b: ChatBehaviour): Plan {
  const all = chat.messages;
  const last = all[all.length - 1];
  const partial = last.role === 'assistant' && last.partial === true ? last : undefined;
  const history = partial ? all.slice(0, -1) : all;
  const format = (body.response_format as { type?: string } | undefined)?.type;
  let toolCalls = b.toolCalls ?? [];
  let content =
    b.content ??
    (toolCalls.length ? '' : defaultAnswer({ model: chat.model.id, messages: history, json: format === 'json_object' || format === 'json_schema' }));
  let reasoning = b.reasoning ?? (chat.thinkingOn && toolCalls.length ? TOOL_REASONING : '');
  if (!chat.thinkingOn && (body.thinking as { type?: string } | undefined)?.type === 'disabled') reasoning = '';

  if (partial) {
    const prefix = messageText(partial);
    content = continueAfter(content, prefix);
    const priorReasoning = typeof partial.reasoning_content === 'string' ? partial.reasoning_content : '';
    reasoning = prefix ? '' : continueAfter(reasoning, priorReasoning); // the prefill shows thinking is over
  }
  const stopped = cutAtStop(content, body.stop);
  content = stopped.text;

  // The cap covers thinking and answer together (kimi-api.md §13.3).
  const r = cutToTokens(reasoning, chat.maxTokens);
  const c = cutToTokens(content, chat.maxTokens - textTokens(r.text));
  const cut = r.cut || c.cut;
  reasoning = r.text;
  content = c.text;
  if (cut || stopped.stopped) toolCalls = [];

  const reasoningTokens = textTokens(reasoning);
  const prompt = b.usage?.prompt_tokens ?? chat.promptTokens + webSearchTokens(history);
  const completion = b.usage?.completion_tokens ?? reasoningTokens + textTokens(content) + toolCalls.reduce((n, t) => n + textTokens(t.name + t.arguments), 0);
  const cachedEstimate = state.cachedTokens(chat.model.id, all);
  const cached = b.usage?.cached_tokens ?? cachedEstimate;
  return {
    reasoning,
    content,
    toolCalls,
    finishReason: b.finishReason ?? (cut ? 'length' : toolCalls.length ? 'tool_calls' : 'stop'),
    thinking: chat.thinkingOn || reasoning !== '',
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      cached_tokens: cached,
      completion_tokens_details: { reasoning_tokens: reasoningTokens },
      prompt_tokens_details: { cached_tokens: cached },
    },
  };
}
