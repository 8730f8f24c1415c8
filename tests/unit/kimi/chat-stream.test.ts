import { describe, expect, it } from 'vitest';
import { streamChat, type ChatEvent } from '../../../utils/kimi/chat-stream';
import { KimiError } from '../../../utils/kimi/errors';
import type { ChatBody } from '../../../utils/kimi/request';
import {
  collect,
  deltaChunk,
  enc,
  fakeFetch,
  finishChunk,
  prng,
  roleChunk,
  splitAt,
  sseResponse,
  sseText,
  textOf,
  trailingUsage,
  usageWire,
  type StreamProbe,
} from './helpers';

const body: ChatBody = { model: 'kimi-k2.6', messages: [{ role: 'user', content: 'hi' }], stream: true, max_tokens: 100 };
const run = (f: typeof fetch, extra: Partial<Parameters<typeof streamChat>[0]> = {}) =>
  collect(streamChat({ base: 'http://kimi.test/v1', apiKey: 'sk-test', body, fetchImpl: f, ...extra }));

const REASONING = 'Let me think… 思考中 🤔 step one.';
const CONTENT = '## 答案\n\nThe page says **42** — 中文也可以。😀';
/** A thinking answer split into many deltas, usage in the finish choice and in a trailing chunk. */
function fullStream(): string {
  const pieces = (s: string) => Array.from(s).reduce<string[]>((acc, ch, i) => (i % 5 ? (acc[acc.length - 1] += ch) : acc.push(ch), acc), []);
  return sseText([
    roleChunk,
    ...pieces(REASONING).map((r) => deltaChunk({ reasoning_content: r })),
    deltaChunk({ reasoning_content: '' }),
    ...pieces(CONTENT).map((c) => deltaChunk({ content: c })),
    finishChunk('stop', usageWire),
    trailingUsage(usageWire),
  ]);
}

const usageEvents = (events: ChatEvent[]) => events.filter((e) => e.type === 'usage');

describe('streamChat: parsing', () => {
  it('sends one POST to {base}/chat/completions with the key and the body', async () => {
    const f = fakeFetch(() => sseResponse(fullStream()));
    await run(f.fetch);
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0].url).toBe('http://kimi.test/v1/chat/completions');
    expect(f.calls[0].init.method).toBe('POST');
    expect((f.calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer sk-test');
    expect(JSON.parse(await (f.calls[0].init.body as Blob).text())).toEqual(body);
  });

  it('yields reasoning before content, usage once and finish last', async () => {
    const { events, error } = await run(fakeFetch(() => sseResponse(fullStream())).fetch);
    expect(error).toBeUndefined();
    expect(textOf(events, 'reasoning')).toBe(REASONING);
    expect(textOf(events, 'content')).toBe(CONTENT);
    const firstContent = events.findIndex((e) => e.type === 'delta' && e.content);
    const lastReasoning = events.map((e) => e.type === 'delta' && !!e.reasoning).lastIndexOf(true);
    expect(lastReasoning).toBeLessThan(firstContent);
    expect(usageEvents(events)).toEqual([{ type: 'usage', usage: { promptTokens: 90, completionTokens: 50, cachedTokens: 64 } }]);
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(events.filter((e) => e.type === 'delta' && !e.content && !e.reasoning)).toEqual([]);
  });

  it('gives the same result when the bytes arrive one at a time (mid-line, mid-UTF-8)', async () => {
    const bytes = enc.encode(fullStream());
    const oneByOne = splitAt(
      bytes,
      Array.from({ length: bytes.length }, (_, i) => i),
    );
    const { events, error } = await run(fakeFetch(() => sseResponse(oneByOne)).fetch);
    expect(error).toBeUndefined();
    expect(textOf(events, 'content')).toBe(CONTENT);
    expect(textOf(events, 'reasoning')).toBe(REASONING);
    expect(usageEvents(events)).toHaveLength(1);
  });

  it('gives the same result for 30 random chunkings', async () => {
    const bytes = enc.encode(fullStream());
    for (let seed = 1; seed <= 30; seed++) {
      const rand = prng(seed);
      const cuts = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => Math.floor(rand() * bytes.length));
      const { events, error } = await run(fakeFetch(() => sseResponse(splitAt(bytes, cuts))).fetch);
      expect(error, `seed ${seed}`).toBeUndefined();
      expect(textOf(events, 'content'), `seed ${seed}`).toBe(CONTENT);
      expect(usageEvents(events), `seed ${seed}`).toHaveLength(1);
    }
  });

  it('joins multi-line data, ignores comments, accepts CRLF', async () => {
    const json = JSON.stringify(deltaChunk({ content: 'multi' }), null, 1).split('\n');
    const text = [
      ': keep-alive\r\n\r\n',
      json.map((l) => `data: ${l}\r\n`).join('') + '\r\n',
      ': another comment\r\n',
      `data: ${JSON.stringify(deltaChunk({ content: '-line' }))}\r\n\r\n`,
      sseText([finishChunk('stop')], { eol: '\r\n' }),
    ].join('');
    const { events, error } = await run(fakeFetch(() => sseResponse(text)).fetch);
    expect(error).toBeUndefined();
    expect(textOf(events, 'content')).toBe('multi-line');
  });

  it.each([
    ['only in the finish choice', [finishChunk('stop', usageWire)]],
    ['only in a trailing choices:[] chunk', [finishChunk('stop'), trailingUsage(usageWire)]],
    ['only at the top level of the finish chunk', [{ ...finishChunk('stop'), usage: usageWire }]],
    ['in all three places', [{ ...finishChunk('stop', usageWire), usage: usageWire }, trailingUsage(usageWire)]],
  ])('reports usage %s exactly once', async (_, tail) => {
    const { events } = await run(fakeFetch(() => sseResponse(sseText([deltaChunk({ content: 'x' }), ...tail]))).fetch);
    expect(usageEvents(events)).toEqual([{ type: 'usage', usage: { promptTokens: 90, completionTokens: 50, cachedTokens: 64 } }]);
  });

  it('reads cached tokens from prompt_tokens_details when the top-level field is missing', async () => {
    const usage = { prompt_tokens: 10, completion_tokens: 2, total_tokens: 12, prompt_tokens_details: { cached_tokens: 7 } };
    const { events } = await run(fakeFetch(() => sseResponse(sseText([finishChunk('stop', usage)]))).fetch);
    expect(usageEvents(events)).toEqual([{ type: 'usage', usage: { promptTokens: 10, completionTokens: 2, cachedTokens: 7 } }]);
  });

  it('reports finish_reason length and content_filter', async () => {
    for (const reason of ['length', 'content_filter']) {
      const { events, error } = await run(fakeFetch(() => sseResponse(sseText([deltaChunk({ content: 'a' }), finishChunk(reason)]))).fetch);
      expect(error).toBeUndefined();
      expect(events.at(-1)).toEqual({ type: 'finish', reason });
    }
  });

  it('accepts a whole JSON completion when a server ignores stream:true', async () => {
    const completion = { choices: [{ index: 0, message: { role: 'assistant', content: 'whole' }, finish_reason: 'stop' }], usage: usageWire };
    const f = fakeFetch(() => new Response(JSON.stringify(completion), { headers: { 'Content-Type': 'application/json' } }));
    const { events, error } = await run(f.fetch);
    expect(error).toBeUndefined();
    expect(events).toEqual([
      { type: 'delta', content: 'whole' },
      { type: 'usage', usage: { promptTokens: 90, completionTokens: 50, cachedTokens: 64 } },
      { type: 'finish', reason: 'stop' },
    ]);
  });
});

describe('streamChat: ends that are not [DONE]', () => {
  it('throws incomplete when [DONE] is missing, even after finish_reason, keeping the deltas', async () => {
    const text = sseText([deltaChunk({ content: 'partial ' }), deltaChunk({ content: 'answer' }), finishChunk('stop', usageWire)], { done: false });
    const { events, error } = await run(fakeFetch(() => sseResponse(text)).fetch);
    expect(textOf(events, 'content')).toBe('partial answer');
    expect(events.some((e) => e.type === 'finish')).toBe(false);
    expect(error).toBeInstanceOf(KimiError);
    expect((error as KimiError).failure.kind).toBe('incomplete');
  });

  it('throws incomplete when [DONE] arrives without its blank line before the body ends', async () => {
    const text = sseText([deltaChunk({ content: 'x' })], { done: false }) + 'data: [DONE]';
    const { error } = await run(fakeFetch(() => sseResponse(text)).fetch);
    expect((error as KimiError).failure.kind).toBe('incomplete');
  });

  it('throws stream-error for an error object inside a 200 stream, after the text so far', async () => {
    const text = sseText([deltaChunk({ content: 'so far' }), { error: { message: 'invalid state transition', type: 'server_error', code: 'x1' } }], {
      done: false,
    });
    const f = fakeFetch(() => sseResponse(text, { headers: { 'Msh-Request-Id': 'req-77' } }));
    const { events, error } = await run(f.fetch);
    expect(textOf(events, 'content')).toBe('so far');
    expect((error as KimiError).failure).toEqual({ kind: 'stream-error', type: 'server_error', message: 'invalid state transition', requestId: 'req-77' });
  });

  it('throws incomplete when the connection breaks mid-body (fetch body errors)', async () => {
    let sent = false;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (!sent) {
          sent = true;
          controller.enqueue(enc.encode(sseText([deltaChunk({ content: 'cut ' })], { done: false })));
        } else controller.error(new TypeError('terminated', { cause: { code: 'UND_ERR_SOCKET' } }));
      },
    });
    const f = fakeFetch(() => new Response(broken, { headers: { 'Content-Type': 'text/event-stream' } }));
    const { events, error } = await run(f.fetch);
    expect(textOf(events, 'content')).toBe('cut ');
    expect((error as KimiError).failure).toMatchObject({ kind: 'incomplete', message: expect.stringContaining('terminated') });
  });

  it('throws stream-error for an unreadable event', async () => {
    const { error } = await run(fakeFetch(() => sseResponse('data: {not json\n\n')).fetch);
    expect((error as KimiError).failure.kind).toBe('stream-error');
  });
});

describe('streamChat: aborts and time-outs', () => {
  it('rethrows the caller AbortError untouched and cancels the body', async () => {
    const controller = new AbortController();
    const probe: StreamProbe = { cancelled: false };
    const f = fakeFetch(() => sseResponse([enc.encode(sseText([deltaChunk({ content: 'one' })], { done: false }))], { hang: true, probe }));
    const events: ChatEvent[] = [];
    let error: unknown;
    try {
      for await (const e of streamChat({ base: 'http://kimi.test/v1', apiKey: 'k', body, fetchImpl: f.fetch, signal: controller.signal })) {
        events.push(e);
        controller.abort();
      }
    } catch (e) {
      error = e;
    }
    expect(events).toEqual([{ type: 'delta', content: 'one' }]);
    expect(error).toBe(controller.signal.reason);
    expect(error).not.toBeInstanceOf(KimiError);
    expect((error as Error).name).toBe('AbortError');
    expect(probe.cancelled).toBe(true);
  });

  it('rethrows the AbortError when the signal is aborted before the call, and makes no request', async () => {
    const controller = new AbortController();
    controller.abort();
    const f = fakeFetch(() => sseResponse(sseText([])));
    const { error } = await run(f.fetch, { signal: controller.signal });
    expect(error).toBe(controller.signal.reason);
    expect(f.calls).toHaveLength(0);
  });

  it('cancels the body when the consumer stops early', async () => {
    const probe: StreamProbe = { cancelled: false };
    const f = fakeFetch(() => sseResponse([enc.encode(sseText([deltaChunk({ content: 'a' })], { done: false }))], { hang: true, probe }));
    for await (const e of streamChat({ base: 'http://kimi.test/v1', apiKey: 'k', body, fetchImpl: f.fetch })) {
      expect(e.type).toBe('delta');
      break;
    }
    expect(probe.cancelled).toBe(true);
  });

  it('throws timeout when no response arrives in time, even if fetch ignores the signal', async () => {
    const f = fakeFetch(() => new Promise<Response>(() => {}));
    const { error } = await run(f.fetch, { firstByteTimeoutMs: 20 });
    expect((error as KimiError).failure.kind).toBe('timeout');
  });

  it('throws timeout when headers come but no body byte does', async () => {
    const f = fakeFetch(() => sseResponse([], { hang: true }));
    const { error } = await run(f.fetch, { firstByteTimeoutMs: 20 });
    expect((error as KimiError).failure.kind).toBe('timeout');
  });

  it('throws incomplete (continuable) when the stream stalls after text arrived', async () => {
    const f = fakeFetch(() => sseResponse([enc.encode(sseText([deltaChunk({ content: 'half' })], { done: false }))], { hang: true }));
    const { events, error } = await run(f.fetch, { idleTimeoutMs: 20 });
    expect(textOf(events, 'content')).toBe('half');
    expect((error as KimiError).failure.kind).toBe('incomplete');
  });
});

describe('streamChat: failures before the stream', () => {
  it('maps a fetch TypeError to network, with the cause code', async () => {
    const f = fakeFetch(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    });
    const { error } = await run(f.fetch);
    expect((error as KimiError).failure.kind).toBe('network');
    expect((error as KimiError).failure.message).toContain('ECONNREFUSED');
    expect(f.calls).toHaveLength(1);
  });

  it('maps an HTML page with status 200 to not-api', async () => {
    const f = fakeFetch(() => new Response('<!doctype html><html><body>Welcome to nginx</body></html>', { headers: { 'Content-Type': 'text/html' } }));
    const { error } = await run(f.fetch);
    expect((error as KimiError).failure).toMatchObject({ kind: 'not-api', status: 200, message: 'Welcome to nginx' });
  });

  it('maps a 404 without Kimi’s error object to not-api, and Kimi’s 404 to http', async () => {
    const plain = await run(fakeFetch(() => new Response('Cannot POST /chat/completions', { status: 404 })).fetch);
    expect((plain.error as KimiError).failure.kind).toBe('not-api');
    const kimi = await run(
      fakeFetch(
        () =>
          new Response(JSON.stringify({ error: { message: 'Not found the model kimi-x or Permission denied', type: 'resource_not_found_error' } }), {
            status: 404,
          }),
      ).fetch,
    );
    expect((kimi.error as KimiError).failure).toMatchObject({ kind: 'http', status: 404, type: 'resource_not_found_error' });
  });
});
