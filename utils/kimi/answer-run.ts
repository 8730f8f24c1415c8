// A whole answer as the user sees it: possibly several requests (tool rounds, Partial Mode
// continuations), each sized to fit the window, all streamed into one text.
import { addUsage } from './usage';
import type { FinishReason, ToolUse, Usage } from './types';
import { sizeRequest, tooLongFailure } from './budget';
import { KimiError } from './errors';
import type { ModelProfile } from './model-table';
import type { ChatMessage } from './prompt';
import type { ChatBody } from './request';
import { runRound, type RoundOptions, type RoundResult } from './round';
import { offeredTools, runTool } from './tools/registry';

/** Rounds of automatic continuation after finish_reason "length"; then the user gets "Continue". */
export const MAX_CONTINUATIONS = 3;
/** Rounds of tool calls; the last one asks the model to answer without tools. */
export const MAX_TOOL_ROUNDS = 4;

export interface AnswerOptions extends Omit<RoundOptions, 'started' | 'onDelta'> {
  body: ChatBody;
  profile: ModelProfile;
  thinkingOn: boolean;
  /** Kimi's count of a body's prompt, or undefined when the endpoint can't count. */
  count: (body: ChatBody) => Promise<number | undefined>;
  onDelta(content: string | undefined, reasoning: string | undefined): void;
  onTool(use: ToolUse): void;
  maxContinuations?: number;
  maxToolRounds?: number;
}

export interface AnswerResult {
  finishReason: FinishReason;
  usage?: Usage;
  tools: ToolUse[];
}

const isPartial = (m: ChatMessage | undefined) => m?.role === 'assistant' && m.partial === true;

/** The same conversation, ending with the text so far as a Partial Mode prefill (kimi-api.md §3). */
export function withPartial(body: ChatBody, soFar: string, reasoning: string | undefined): ChatBody {
  const messages = isPartial(body.messages.at(-1)) ? body.messages.slice(0, -1) : [...body.messages];
  const partial: ChatMessage = { role: 'assistant', content: soFar, partial: true };
  // Thinking models: the docs' example carries the cut-off turn's thinking along.
  if (reasoning) partial.reasoning_content = reasoning;
  messages.push(partial);
  const next: ChatBody = { ...body, messages };
  // The tool list stays (same prompt prefix, so the cache still hits), but a prefill is continued as text.
  if (next.tools) next.tool_choice = 'none';
  return next;
}

/** The assistant's tool-call turn, unchanged, then one result per call (kimi-api.md §8). */
function withToolResults(body: ChatBody, round: RoundResult, thinkingOn: boolean, onTool: (u: ToolUse) => void): { body: ChatBody; used: ToolUse[] } {
  const messages = isPartial(body.messages.at(-1)) ? body.messages.slice(0, -1) : [...body.messages];
  const turn: ChatMessage = { role: 'assistant', content: round.content, tool_calls: round.toolCalls };
  // Required by thinking models on tool-call turns; " " is the smallest value clients report as accepted.
  if (thinkingOn) turn.reasoning_content = round.reasoning || ' ';
  messages.push(turn);
  const used: ToolUse[] = [];
  const offered = offeredTools(body.tools);
  for (const call of round.toolCalls) {
    const outcome = runTool(call.function.name, call.function.arguments, offered);
    used.push(outcome.use);
    onTool(outcome.use);
    messages.push({ role: 'tool', tool_call_id: call.id, name: call.function.name, content: outcome.content || ' ' });
  }
  return { body: { ...body, messages }, used };
}

/**
 * Runs the answer to its end. Throws KimiError (a failure, possibly after text
 * was streamed) or the caller's AbortError. Never retries except "engine
 * overloaded" before the first token (round.ts).
 */
export async function runAnswer(opts: AnswerOptions): Promise<AnswerResult> {
  const maxContinuations = opts.maxContinuations ?? MAX_CONTINUATIONS;
  const maxToolRounds = opts.maxToolRounds ?? MAX_TOOL_ROUNDS;
  let started = false;
  const round: RoundOptions = {
    ...opts,
    started: () => started,
    onDelta: (content, reasoning) => {
      started = true;
      opts.onDelta(content, reasoning);
    },
  };
  let body = opts.body;
  let usage: Usage | undefined;
  const tools: ToolUse[] = [];
  let continuations = 0;
  let toolRounds = 0;
  // Text of the current assistant message so far (a manual Continue starts from the kept text).
  let soFar = isPartial(body.messages.at(-1)) ? body.messages.at(-1)!.content : '';
  let thinking = '';
  for (let first = true; ; first = false) {
    const sizing = await sizeRequest(body, opts.profile, opts.thinkingOn, () => opts.count(body));
    if (!sizing.ok) {
      if (first) throw new KimiError(tooLongFailure(sizing, body.model));
      // Mid-answer the window is full: keep the text, let the user decide.
      return { finishReason: 'length', usage, tools };
    }
    body = { ...body, max_tokens: sizing.maxTokens };
    const result = await runRound(round, body);
    usage = addUsage(usage, result.usage);
    if (result.finish === 'content_filter') {
      throw new KimiError({
        kind: 'stream-error',
        type: 'content_filter',
        message: 'The answer was stopped by the content filter (finish_reason content_filter).',
      });
    }
    if (result.finish === 'tool_calls' && result.toolCalls.length && toolRounds < maxToolRounds) {
      toolRounds++;
      const next = withToolResults(body, result, opts.thinkingOn, opts.onTool);
      tools.push(...next.used);
      body = next.body;
      // The last allowed round must answer in words.
      if (toolRounds >= maxToolRounds) body = { ...body, tool_choice: 'none' };
      else if (body.tool_choice === 'none' && !isPartial(body.messages.at(-1))) delete body.tool_choice;
      soFar = '';
      thinking = '';
      continue;
    }
    if (result.finish === 'length' && result.content && continuations < maxContinuations) {
      continuations++;
      soFar += result.content;
      thinking += result.reasoning;
      body = withPartial(body, soFar, opts.thinkingOn ? thinking : undefined);
      continue;
    }
    return { finishReason: result.finish, usage, tools };
  }
}
