import { describe, expect, it, vi } from 'vitest';
import { ask, auth, joined, parseSse, postChat, streamChat, useSim } from './test-helpers';

/** Reads a body until it ends or breaks; returns what arrived and whether it broke. */
async function readAll(res: Response): Promise<{ text: string; broke: boolean }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, broke: false };
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { text, broke: true };
  }
}

/** Resolves with the next chunk, or 'quiet' if none comes within `ms`. Used only to check that nothing arrives. */
async function nextOrQuiet(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<'quiet' | 'data'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const quiet = new Promise<'quiet'>((r) => (timer = setTimeout(() => r('quiet'), ms)));
  const result = await Promise.race([reader.read().then(() => 'data' as const), quiet]);
  clearTimeout(timer);
  return result;
}

describe('error knob', () => {
  it('sends a JSON error with the given status, type, message and headers, skipping auth', async () => {
    const sim = await useSim();
    sim.script({
      error: {
        status: 429,
        type: 'rate_limit_reached_error',
        message: 'max RPM: 3, please try again after 7 seconds',
        headers: { 'Msh-Gid': 'enterprise-tier-3' },
      },
    });
    const res = await postChat(sim, ask(), { Authorization: 'Bearer wrong' });
    expect(res.status).toBe(429);
    expect(res.headers.get('msh-gid')).toBe('enterprise-tier-3');
    expect(await res.json()).toEqual({ error: { message: 'max RPM: 3, please try again after 7 seconds', type: 'rate_limit_reached_error' } });
  });

  it.each([
    [400, 'content_filter', 'The request was rejected because it was considered high risk'],
    [403, 'permission_denied_error', 'Your IP is not allowed to access this organization'],
    [429, 'exceeded_current_quota_error', 'You exceeded your current token quota'],
    [429, 'engine_overloaded_error', 'The engine is currently overloaded, please try again later'],
    [500, 'server_error', 'Failed to extract file: boom'],
  ])('reproduces %s %s', async (status, type, message) => {
    const sim = await useSim();
    sim.script({ error: { status, type, message } });
    const res = await postChat(sim, ask());
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { message, type } });
  });

  it('fills a documented type and message when only the status is given', async () => {
    const sim = await useSim();
    sim.script({ error: { status: 429 } });
    const body = await (await postChat(sim, ask())).json();
    expect(body.error.type).toBe('engine_overloaded_error');
  });

  it('sends a raw HTML body for gateway-style errors', async () => {
    const sim = await useSim();
    sim.script({ error: { status: 502, rawBody: '<html><body>Bad gateway</body></html>' } });
    const res = await postChat(sim, ask());
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toBe('<html><body>Bad gateway</body></html>');
  });

  it('takes scripted behaviours in order, then falls back to the default', async () => {
    const sim = await useSim();
    sim.script({ error: { status: 500 } }, { content: 'second' });
    sim.setDefault({ content: 'default' });
    expect((await postChat(sim, ask())).status).toBe(500);
    expect((await (await postChat(sim, ask())).json()).choices[0].message.content).toBe('second');
    expect((await (await postChat(sim, ask())).json()).choices[0].message.content).toBe('default');
  });
});

describe('stream failure knobs', () => {
  it('streamError: an error event inside the 200 stream after N body chunks, and no [DONE]', async () => {
    const sim = await useSim();
    sim.script({ content: 'abcdefghij', chunkSize: 2, chunkDelayMs: 0, streamError: { afterChunks: 2, type: 'server_error', message: 'oops', code: 'E1' } });
    const { res, events } = await streamChat(sim, ask());
    expect(res.status).toBe(200);
    expect(joined(events, 'content')).toBe('abcd');
    expect(events.at(-1)).toEqual({ error: { message: 'oops', type: 'server_error', code: 'E1' } });
    expect(events).not.toContain('[DONE]');
  });

  it('dropAfterChunks: the connection breaks after N body chunks', async () => {
    const sim = await useSim();
    sim.script({ content: 'abcdefghij', chunkSize: 2, chunkDelayMs: 0, dropAfterChunks: 3 });
    const res = await postChat(sim, { ...ask(), stream: true });
    const { text, broke } = await readAll(res);
    expect(broke).toBe(true);
    expect(joined(parseSse(text), 'content')).toBe('abcdef');
    expect(text).not.toContain('[DONE]');
  });

  it('dropAfterChunks past the body: finish chunk arrives, [DONE] does not', async () => {
    const sim = await useSim();
    sim.script({ content: 'abc', chunkDelayMs: 0, dropAfterChunks: 99 });
    const { text, broke } = await readAll(await postChat(sim, { ...ask(), stream: true }));
    expect(broke).toBe(true);
    const events = parseSse(text) as Record<string, any>[];
    expect(events.at(-1)!.choices[0].finish_reason).toBe('stop');
    expect(text).not.toContain('[DONE]');
  });

  it('dropAfterChunks on a non-streamed request drops the connection before any response', async () => {
    const sim = await useSim();
    sim.script({ dropAfterChunks: 0 });
    await expect(postChat(sim, ask())).rejects.toThrow();
    expect(sim.log[0].firstByteAt).toBeUndefined();
  });

  it('omitDone: the body ends cleanly after the finish chunk without [DONE]', async () => {
    const sim = await useSim();
    sim.script({ content: 'abc', chunkDelayMs: 0, omitDone: true });
    const { text, broke } = await readAll(await postChat(sim, { ...ask(), stream: true }));
    expect(broke).toBe(false);
    expect(text).not.toContain('[DONE]');
    expect((parseSse(text).at(-1) as any).choices[0].finish_reason).toBe('stop');
  });

  it('multiLineData: events span several data: lines and still parse to the same chunks', async () => {
    const sim = await useSim();
    sim.script({ content: 'multi\nline', chunkSize: 3, chunkDelayMs: 0, multiLineData: true });
    const { raw, events } = await streamChat(sim, ask());
    const firstBlock = raw.split('\n\n')[0];
    expect(firstBlock.split('\n').length).toBeGreaterThan(3);
    expect(firstBlock.split('\n').every((l) => l.startsWith('data:'))).toBe(true);
    expect(joined(events, 'content')).toBe('multi\nline');
    expect(events.at(-1)).toBe('[DONE]');
  });

  it('comments: keep-alive comment lines between events', async () => {
    const sim = await useSim();
    sim.script({ content: 'abc', chunkDelayMs: 0, comments: true });
    const { raw, events } = await streamChat(sim, ask());
    expect(raw.match(/^: keep-alive$/gm)!.length).toBeGreaterThanOrEqual(3);
    expect(joined(events, 'content')).toBe('abc');
    expect(events.at(-1)).toBe('[DONE]');
  });

  it('pause: the stream goes quiet after the given chunk', async () => {
    const sim = await useSim();
    sim.script({ content: 'abcdef', chunkSize: 1, chunkDelayMs: 0, pause: { afterChunk: 2, ms: 60_000 } });
    const res = await postChat(sim, { ...ask(), stream: true });
    const reader = res.body!.getReader();
    let text = '';
    const decoder = new TextDecoder();
    for (let i = 0; i < 20 && !text.includes('"b"'); i++) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('"content":"b"');
    expect(text).not.toContain('"content":"c"');
    expect(await nextOrQuiet(reader, 300)).toBe('quiet');
    await reader.cancel();
  });

  it('firstByteDelayMs: no response has started while the delay runs', async () => {
    const sim = await useSim();
    sim.script({ firstByteDelayMs: 60_000 });
    const pending = postChat(sim, ask()).catch(() => 'aborted');
    for (let i = 0; i < 100 && sim.log.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sim.log).toHaveLength(1);
    expect(sim.log[0].firstByteAt).toBeUndefined();
    await sim.close(); // ends the wait early; the client sees a broken connection
    expect(await pending).toBe('aborted');
  });

  it('adds extra headers to a stream and records when the response started', async () => {
    const sim = await useSim();
    sim.script({ content: 'x', chunkDelayMs: 0, headers: { 'Msh-Request-Id': 'req-fixed-1' } });
    const { res } = await streamChat(sim, ask());
    expect(res.headers.get('msh-request-id')).toBe('req-fixed-1');
    expect(sim.log[0].firstByteAt).toBeGreaterThanOrEqual(sim.log[0].receivedAt);
  });

  it('records when a response was over, also when the client dropped it mid-stream (a Stop)', async () => {
    const sim = await useSim();
    sim.script({ content: 'x'.repeat(4000), chunkSize: 4, chunkDelayMs: 20 });
    const stop = new AbortController();
    const res = await postChat(sim, ask('Why?', { stream: true }), auth(), stop.signal);
    await res.body!.getReader().read();
    expect(sim.log[0].closedAt).toBeUndefined();
    stop.abort();
    await vi.waitFor(() => expect(sim.log[0].closedAt).toBeGreaterThanOrEqual(sim.log[0].firstByteAt!));
  });

  it('finishReason override reaches the finish chunk', async () => {
    const sim = await useSim();
    sim.script({ content: 'x', chunkDelayMs: 0, finishReason: 'content_filter' });
    const { events } = await streamChat(sim, ask());
    expect((events.at(-2) as any).choices[0].finish_reason).toBe('content_filter');
  });
});
