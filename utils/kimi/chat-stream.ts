import { bodyBlob } from './body-blob';
import type { FinishReason, Usage } from './types';
import { KimiError, failureFromResponse } from './errors';
import { RequestGuard } from './request-guard';
import { sseEvents } from './sse';
import { parseChunk, type ParsedChunk, type ToolCallPiece } from './chunk';
import type { ChatBody } from './request';

export type ChatEvent =
  | { type: 'delta'; content?: string; reasoning?: string }
  | { type: 'tool-call'; piece: ToolCallPiece; position: number }
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; reason: FinishReason };

export interface StreamChatOptions {
  base: string;
  apiKey: string;
  body: ChatBody;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  /** Until the first byte of the body. Thinking models can be silent for a long time. */
  firstByteTimeoutMs?: number;
  /** Longest silence between two chunks once the answer has started. */
  idleTimeoutMs?: number;
}

/**
 * One streamed chat completion. Yields deltas as they arrive, usage once,
 * and `finish` last; returns normally only after `data: [DONE]`.
 * Throws KimiError for every failure; a caller abort rethrows the AbortError
 * as is. Never retries: one call, one HTTP request (Kimi counts every request
 * against the user's RPM, so hidden retries would use up low tiers).
 */
export async function* streamChat(opts: StreamChatOptions): AsyncGenerator<ChatEvent, void> {
  if (opts.signal?.aborted) throw opts.signal.reason;
  const fetchImpl = opts.fetchImpl ?? ((input, init) => fetch(input, init));
  const guard = new RequestGuard(opts.signal, opts.firstByteTimeoutMs ?? 120_000, opts.idleTimeoutMs ?? 120_000);
  let hadContent = false;
  let inBody = false;
  try {
    const res = await guard.race(
      fetchImpl(`${opts.base}/chat/completions`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${opts.apiKey}`,
          'Content-Type': 'application/json',
          Accept: 'text/event-stream',
        },
        // A Blob is handed to the network stack as UTF-8 bytes; the page's part is encoded once per page (body-blob.ts).
        body: bodyBlob(opts.body),
        signal: guard.signal,
      }),
    );
    const requestId = res.headers.get('msh-request-id') ?? undefined;
    if (!res.ok) throw new KimiError(failureFromResponse(res, await guard.race(res.text())));
    const contentType = res.headers.get('content-type') ?? '';
    if (!res.body || (contentType && !/event-stream/i.test(contentType))) {
      // Not a stream: a gateway's HTML page, or a server that ignored stream:true.
      yield* answerWithoutStream(res, await guard.race(res.text()), requestId);
      return;
    }
    inBody = true;
    let usageSent = false;
    let finish: FinishReason | undefined;
    for await (const event of sseEvents(res.body, { race: (p) => guard.race(p), onChunk: () => guard.chunk() })) {
      const data = event.data.trim();
      if (data === '[DONE]') {
        yield { type: 'finish', reason: finish ?? 'stop' };
        return;
      }
      if (!data) continue;
      const chunk = parseData(data, requestId);
      if (chunk.content || chunk.reasoning) {
        hadContent = true;
        yield { type: 'delta', ...pick(chunk) };
      }
      yield* toolEvents(chunk);
      // Usage can come in the finish choice, in a trailing `choices: []` chunk and
      // at the top level, with the same numbers: report it once.
      if (chunk.usage && !usageSent) {
        usageSent = true;
        yield { type: 'usage', usage: chunk.usage };
      }
      if (chunk.finishReason) finish = chunk.finishReason;
    }
    // Only [DONE] marks the end, even when a finish_reason was seen.
    throw new KimiError({
      kind: 'incomplete',
      message: finish ? `Stream ended without [DONE] (finish_reason ${finish})` : 'Stream ended without [DONE]',
      ...(requestId ? { requestId } : {}),
    });
  } catch (err) {
    throw guard.translate(err, { hadContent, inBody });
  } finally {
    guard.dispose();
  }
}

function* toolEvents(chunk: ParsedChunk): Generator<ChatEvent> {
  for (const [position, piece] of (chunk.toolCalls ?? []).entries()) yield { type: 'tool-call', piece, position };
}

function pick(chunk: ParsedChunk): { content?: string; reasoning?: string } {
  return {
    ...(chunk.reasoning ? { reasoning: chunk.reasoning } : {}),
    ...(chunk.content ? { content: chunk.content } : {}),
  };
}

function parseData(data: string, requestId: string | undefined): ParsedChunk {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new KimiError({ kind: 'stream-error', message: `Unreadable event: ${data.slice(0, 200)}`, ...(requestId ? { requestId } : {}) });
  }
  return checkedChunk(json, requestId);
}

function checkedChunk(json: unknown, requestId: string | undefined): ParsedChunk {
  const chunk = parseChunk(json);
  if (chunk.error) {
    throw new KimiError({
      kind: 'stream-error',
      ...(chunk.error.type ? { type: chunk.error.type } : {}),
      ...(chunk.error.message ? { message: chunk.error.message } : {}),
      ...(requestId ? { requestId } : {}),
    });
  }
  return chunk;
}

/** A 200 that is not an event stream: a whole JSON completion is still an answer; anything else is not the API. */
function* answerWithoutStream(res: Response, text: string, requestId: string | undefined): Generator<ChatEvent> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new KimiError(failureFromResponse(res, text));
  }
  const chunk = checkedChunk(json, requestId);
  if (!chunk.finishReason && !chunk.content && !chunk.toolCalls) throw new KimiError({ ...failureFromResponse(res, text), kind: 'not-api' });
  if (chunk.content || chunk.reasoning) yield { type: 'delta', ...pick(chunk) };
  yield* toolEvents(chunk);
  if (chunk.usage) yield { type: 'usage', usage: chunk.usage };
  yield { type: 'finish', reason: chunk.finishReason ?? 'stop' };
}
