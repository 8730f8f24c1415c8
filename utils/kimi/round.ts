// One request of an answer: stream it, pass text on as it comes, and gather what the loop needs next.
import type { FinishReason, Usage } from './types';
import { streamChat, type StreamChatOptions } from './chat-stream';
import type { ToolCallPiece } from './chunk';
import { KimiError } from './errors';
import { isOverloaded, MAX_OVERLOAD_RETRIES, overloadDelayMs, sleep } from './backoff';
import type { WireToolCall } from './prompt';

export interface RoundResult {
  content: string;
  reasoning: string;
  toolCalls: WireToolCall[];
  finish: FinishReason;
  usage?: Usage;
}

export interface RoundOptions extends Omit<StreamChatOptions, 'body'> {
  onDelta(content: string | undefined, reasoning: string | undefined): void;
  /** Whether the user has seen any text of this answer yet: after that, nothing is retried. */
  started: () => boolean;
  random?: () => number;
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** More calls than this in one step is not a model at work but an endpoint gone wrong. */
export const MAX_TOOL_CALLS = 16;
/** Arguments longer than this are no calculator expression or search query. */
export const MAX_TOOL_ARGUMENTS = 100_000;

const protocolError = (message: string) => new KimiError({ kind: 'protocol', message });

/**
 * Joins streamed tool-call pieces: by `index`, or by position when a gateway leaves it out. The index comes from
 * the endpoint, so it is bounded and only ever a key: never an array length to allocate.
 */
export class ToolCallCollector {
  private readonly calls = new Map<number, { id: string; name: string; arguments: string }>();

  add(piece: ToolCallPiece, position: number): void {
    const i = piece.index ?? position;
    if (!Number.isInteger(i) || i < 0 || i >= MAX_TOOL_CALLS) {
      throw protocolError(
        `The endpoint sent a tool call numbered ${String(i).slice(0, 24)}; at most ${MAX_TOOL_CALLS} calls (0–${MAX_TOOL_CALLS - 1}) are accepted in one step.`,
      );
    }
    let call = this.calls.get(i);
    if (!call) this.calls.set(i, (call = { id: '', name: '', arguments: '' }));
    if (piece.id) call.id = piece.id;
    if (piece.name) call.name = piece.name;
    if (piece.arguments) call.arguments += piece.arguments;
    if (call.arguments.length > MAX_TOOL_ARGUMENTS) throw protocolError(`The endpoint sent tool-call arguments longer than ${MAX_TOOL_ARGUMENTS} characters.`);
  }

  list(): WireToolCall[] {
    return [...this.calls.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, c]) => c.name)
      .map(([i, c]) => ({ id: c.id || `call_${i}`, type: 'function' as const, function: { name: c.name, arguments: c.arguments } }));
  }
}

async function streamOnce(opts: RoundOptions, body: StreamChatOptions['body']): Promise<RoundResult> {
  let content = '';
  let reasoning = '';
  let finish: FinishReason = 'stop';
  let usage: Usage | undefined;
  const calls = new ToolCallCollector();
  for await (const event of streamChat({ ...opts, body })) {
    if (event.type === 'delta') {
      content += event.content ?? '';
      reasoning += event.reasoning ?? '';
      opts.onDelta(event.content, event.reasoning);
    } else if (event.type === 'tool-call') calls.add(event.piece, event.position);
    else if (event.type === 'usage') usage = event.usage;
    else finish = event.reason;
  }
  return { content, reasoning, toolCalls: calls.list(), finish, ...(usage ? { usage } : {}) };
}

/**
 * One round. "Engine overloaded" before the user saw any text is retried at
 * most MAX_OVERLOAD_RETRIES times with jittered backoff; every other failure,
 * and any failure once text has arrived, is thrown at once.
 */
export async function runRound(opts: RoundOptions, body: StreamChatOptions['body']): Promise<RoundResult> {
  const wait = opts.wait ?? sleep;
  for (let retry = 0; ; retry++) {
    try {
      return await streamOnce(opts, body);
    } catch (error) {
      const retryable = error instanceof KimiError && isOverloaded(error.failure) && !opts.started() && retry < MAX_OVERLOAD_RETRIES;
      if (!retryable) throw error;
      await wait(overloadDelayMs(retry + 1, opts.random), opts.signal);
    }
  }
}
