import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { KimiError } from './errors';

export interface SseHooks {
  /** Wraps every read, so an abort or time-out ends a read that would otherwise hang. */
  race?: <T>(p: Promise<T>) => Promise<T>;
  /** Called for every chunk of bytes that arrives. */
  onChunk?: () => void;
}

/** A runaway line or event (no newline for 8 MB) is a broken stream, not an answer. */
const MAX_BUFFER = 8 * 1024 * 1024;

/**
 * Server-sent events of a response body, per the SSE spec (eventsource-parser
 * joins multi-line `data:`, drops `:` comments, dispatches on blank lines).
 * Bytes are decoded as a stream, so a UTF-8 character split across chunks
 * survives. An event cut off by the end of the body is dropped, as the spec says.
 * Stopping early (break/throw) cancels the body, which closes the connection.
 */
export async function* sseEvents(body: ReadableStream<Uint8Array>, hooks: SseHooks = {}): AsyncGenerator<EventSourceMessage> {
  const race = hooks.race ?? (<T>(p: Promise<T>) => p);
  const queue: EventSourceMessage[] = [];
  let broken: KimiError | null = null;
  const parser = createParser({
    onEvent: (event) => queue.push(event),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') broken = new KimiError({ kind: 'stream-error', message: error.message });
    },
    maxBufferSize: MAX_BUFFER,
  });
  // DOM typings want BufferSource in; Uint8Array is one.
  const decoder = new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>;
  const reader = body.pipeThrough(decoder).getReader();
  try {
    for (;;) {
      const { done, value } = await race(reader.read());
      if (done) return;
      hooks.onChunk?.();
      parser.feed(value);
      if (broken) throw broken;
      while (queue.length) yield queue.shift()!;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}
