import { describe, expect, it } from 'vitest';
import { ask, auth, postChat, useSim } from './test-helpers';

const control = (url: string, path: string, body?: unknown) =>
  fetch(`${url}/__sim/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });

describe('control endpoints', () => {
  it('health answers without auth and is not logged', async () => {
    const sim = await useSim();
    expect(await (await control(sim.url, 'health')).json()).toEqual({ ok: true });
    expect(sim.log).toHaveLength(0);
  });

  it('script and default over HTTP steer the next chats', async () => {
    const sim = await useSim();
    await control(sim.url, 'script', [{ content: 'one' }, { error: { status: 503 } }]);
    await control(sim.url, 'default', { content: 'fallback' });
    const first = await (await postChat(sim, ask())).json();
    expect(first.choices[0].message.content).toBe('one');
    expect((await postChat(sim, ask())).status).toBe(503);
    expect((await (await postChat(sim, ask())).json()).choices[0].message.content).toBe('fallback');
  });

  it('log over HTTP returns the recorded requests; reset clears log, queue, default and files', async () => {
    const sim = await useSim();
    sim.script({ content: 'queued' });
    sim.setDefault({ content: 'changed default' });
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.txt');
    form.append('purpose', 'file-extract');
    await fetch(`${sim.baseUrl}/files`, { method: 'POST', headers: { Authorization: `Bearer ${sim.key}` }, body: form });
    await fetch(`${sim.baseUrl}/models`, { headers: auth() });
    const log = await (await control(sim.url, 'log')).json();
    expect(log.map((r: { path: string }) => r.path)).toEqual(['/v1/files', '/v1/models']);
    const logRef = sim.log;
    expect(await (await control(sim.url, 'reset', {})).json()).toEqual({ ok: true });
    expect(logRef).toHaveLength(0); // cleared in place: references stay valid
    const files = await (await fetch(`${sim.baseUrl}/files`, { headers: auth() })).json();
    expect(files.data).toEqual([]);
    const answer = (await (await postChat(sim, ask())).json()).choices[0].message.content;
    expect(answer).toContain('## Answer'); // neither the queued nor the changed default behaviour
  });

  it('rejects unknown control calls and bad bodies', async () => {
    const sim = await useSim();
    expect((await control(sim.url, 'nope')).status).toBe(404);
    expect((await fetch(`${sim.url}/__sim/script`, { method: 'POST', body: '"text"' })).status).toBe(400);
  });
});

describe('request log', () => {
  it('records method, path, lower-cased headers, raw body, parsed JSON and timing', async () => {
    const sim = await useSim();
    const body = ask('logged?', { stream: true });
    const res = await fetch(`${sim.baseUrl}/chat/completions?x=1`, {
      method: 'POST',
      headers: { ...auth(), 'X-Custom-Thing': 'Yes' },
      body: JSON.stringify(body),
    });
    await res.text();
    expect(sim.log).toHaveLength(1);
    const rec = sim.log[0];
    expect(rec).toMatchObject({ id: 1, method: 'POST', path: '/v1/chat/completions?x=1', body: JSON.stringify(body), json: body });
    expect(rec.headers['x-custom-thing']).toBe('Yes');
    expect(rec.headers.authorization).toBe(`Bearer ${sim.key}`);
    expect(rec.firstByteAt).toBeGreaterThanOrEqual(rec.receivedAt);
  });

  it('records requests that fail auth and gives each a growing id', async () => {
    const sim = await useSim();
    await fetch(`${sim.baseUrl}/models`);
    await fetch(`${sim.baseUrl}/models`, { headers: auth() });
    expect(sim.log.map((r) => r.id)).toEqual([1, 2]);
    expect(sim.log[0].json).toBeUndefined();
  });
});

describe('balance', () => {
  it('answers in the documented shape with USD-like defaults on .ai and a different default on .cn', async () => {
    const ai = await useSim();
    const cn = await useSim({ platform: 'cn' });
    const a = await (await fetch(`${ai.baseUrl}/users/me/balance`, { headers: auth() })).json();
    const c = await (await fetch(`${cn.baseUrl}/users/me/balance`, { headers: auth() })).json();
    expect(a).toMatchObject({ code: 0, scode: '0x0', status: true });
    expect(a.data.available_balance).toBeCloseTo(a.data.cash_balance + a.data.voucher_balance, 5);
    expect(c.data).not.toEqual(a.data);
  });

  it('can be set from code and over HTTP', async () => {
    const sim = await useSim();
    sim.setBalance({ cash_balance: 3.00001, voucher_balance: 46.58893 });
    let b = await (await fetch(`${sim.baseUrl}/users/me/balance`, { headers: auth() })).json();
    expect(b.data).toEqual({ available_balance: 49.58894, voucher_balance: 46.58893, cash_balance: 3.00001 });
    await control(sim.url, 'balance', { available_balance: 0.5 });
    b = await (await fetch(`${sim.baseUrl}/users/me/balance`, { headers: auth() })).json();
    expect(b.data.available_balance).toBe(0.5);
  });
});

describe('estimate-token-count', () => {
  const estimate = async (url: string, body: unknown) =>
    fetch(`${url}/v1/tokenizers/estimate-token-count`, { method: 'POST', headers: auth(), body: JSON.stringify(body) });

  it('counts 4 Latin characters or 1 Chinese character per token, plus a fixed amount per image', async () => {
    const sim = await useSim();
    const count = async (content: unknown) =>
      (await (await estimate(sim.url, { model: 'kimi-k2.6', messages: [{ role: 'user', content }] })).json()).data.total_tokens;
    const base = await count('a');
    expect((await count('a'.repeat(401))) - base).toBe(100);
    expect((await count('一'.repeat(100))) - base).toBe(99);
    const withImage = await count([
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } },
      { type: 'text', text: 'a' },
    ]);
    expect(withImage - base).toBe(1024);
  });

  it('404s an unknown model and 400s empty messages', async () => {
    const sim = await useSim();
    expect((await estimate(sim.url, { model: 'x', messages: [{ role: 'user', content: 'a' }] })).status).toBe(404);
    expect((await estimate(sim.url, { model: 'kimi-k2.6', messages: [] })).status).toBe(400);
  });
});
