// Writes a built event list as Server-Sent Events, applying the timing and failure knobs of a ChatBehaviour.
import { begin, sleep, type Ctx } from './http-util';
import type { StreamEvents } from './stream-events';
import type { ChatBehaviour } from './types';

/** One SSE event. Multi-line mode pretty-prints the JSON so every line is a `data:` line; the parser's "\n" joins stay valid JSON. */
export function frame(payload: unknown, multiLine = false): string {
  if (payload === '[DONE]') return 'data: [DONE]\n\n';
  if (!multiLine) return `data: ${JSON.stringify(payload)}\n\n`;
  return (
    JSON.stringify(payload, null, 1)
      .split('\n')
      .map((line) => `data: ${line}`)
      .join('\n') + '\n\n'
  );
}

function write(ctx: Ctx, text: string): Promise<void> {
  if (ctx.res.destroyed || ctx.res.writableEnded) return Promise.resolve();
  return new Promise((resolve) => ctx.res.write(text, () => resolve()));
}

export async function writeStream(ctx: Ctx, stream: StreamEvents, b: ChatBehaviour, headers: Record<string, string>): Promise<void> {
  const { events, bodyCount } = stream;
  // A knob "after body chunk N" acts after event N (event 0 is the role chunk); past the body it acts just before [DONE].
  const at = (n: number | undefined) => (n === undefined ? -1 : Math.max(0, n) < bodyCount ? Math.max(0, n) : events.length - 1);
  const errorAt = at(b.streamError?.afterChunks);
  const dropAt = at(b.dropAfterChunks);
  const pauseAt = at(b.pause?.afterChunk);
  const delay = b.chunkDelayMs ?? 25;

  begin(ctx, 200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', ...headers });
  for (let i = 0; i < events.length; i++) {
    if (ctx.signal.aborted) return;
    if (b.comments) await write(ctx, ': keep-alive\n\n');
    await write(ctx, frame(events[i], b.multiLineData));
    if (i === errorAt && b.streamError) {
      const { type, message, code } = b.streamError;
      await write(ctx, frame({ error: { message, type, ...(code !== undefined ? { code } : {}) } }, b.multiLineData));
      ctx.res.end();
      return;
    }
    if (i === dropAt) {
      ctx.res.destroy(); // the written chunks were flushed (write callbacks), so the client gets them, then a cut
      return;
    }
    if (i === pauseAt && b.pause) await sleep(b.pause.ms, ctx.signal);
    if (i < events.length - 1) await sleep(delay, ctx.signal);
  }
  if (ctx.signal.aborted) return;
  if (b.comments) await write(ctx, ': keep-alive\n\n');
  if (!b.omitDone) await write(ctx, frame('[DONE]'));
  ctx.res.end();
}
