import { describe, expect, it } from 'vitest';
import { ask, postChat, useSim } from './test-helpers';

async function errorOf(res: Response): Promise<{ status: number; type: string; message: string }> {
  const body = await res.json();
  return { status: res.status, type: body.error?.type, message: body.error?.message };
}

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('chat request validation', () => {
  it('404s an unknown model with the documented message', async () => {
    const sim = await useSim();
    expect(await errorOf(await postChat(sim, ask('hi', { model: 'kimi-k2-0711-preview' })))).toEqual({
      status: 404,
      type: 'resource_not_found_error',
      message: 'Not found the model kimi-k2-0711-preview or Permission denied',
    });
  });

  it('rejects empty messages and empty content', async () => {
    const sim = await useSim();
    const empty = await errorOf(await postChat(sim, ask('hi', { messages: [] })));
    expect(empty).toMatchObject({ status: 400, type: 'invalid_request_error' });
    const blank = await errorOf(await postChat(sim, ask('')));
    expect(blank).toMatchObject({ status: 400, type: 'invalid_request_error', message: expect.stringContaining('index 1') });
  });

  it('rejects a non-JSON body', async () => {
    const sim = await useSim();
    const res = await fetch(`${sim.baseUrl}/chat/completions`, { method: 'POST', headers: { Authorization: `Bearer ${sim.key}` }, body: '{oops' });
    expect((await errorOf(res)).status).toBe(400);
  });

  it.each([
    ['kimi-k2.6', {}, 'temperature', 1, 0.6, 'invalid temperature: only 1 is allowed for this model'],
    ['kimi-k2.6', { thinking: { type: 'disabled' } }, 'temperature', 0.6, 1, 'invalid temperature: only 0.6 is allowed for this model'],
    ['kimi-k2.5', {}, 'top_p', 0.95, 1, 'invalid top_p: only 0.95 is allowed for this model'],
    ['kimi-k3', {}, 'temperature', 1, 0.3, 'invalid temperature: only 1 is allowed for this model'],
    ['kimi-k3', {}, 'n', 1, 2, 'invalid n: only 1 is allowed for this model'],
    ['kimi-k2.6', {}, 'presence_penalty', 0, 0.5, 'invalid presence_penalty: only 0 is allowed for this model'],
    ['kimi-k2.6', {}, 'frequency_penalty', 0, -1, 'invalid frequency_penalty: only 0 is allowed for this model'],
  ])('%s %j: %s accepts %s, rejects %s', async (model, extra, field, okValue, badValue, message) => {
    const sim = await useSim();
    const ok = await postChat(sim, ask('hi', { model, ...extra, [field]: okValue }));
    expect(ok.status).toBe(200);
    expect(await errorOf(await postChat(sim, ask('hi', { model, ...extra, [field]: badValue })))).toEqual({
      status: 400,
      type: 'invalid_request_error',
      message,
    });
  });

  it('keeps moonshot-v1 temperature within 0..1', async () => {
    const sim = await useSim();
    const v1 = (t: number) => ask('hi', { model: 'moonshot-v1-8k', max_tokens: 100, temperature: t });
    expect((await postChat(sim, v1(0.3))).status).toBe(200);
    expect((await postChat(sim, v1(1.5))).status).toBe(400);
  });

  it.each(['moonshot-v1-32k', 'kimi-k3'])('rejects thinking sent to %s', async (model) => {
    const sim = await useSim();
    const res = await postChat(sim, ask('hi', { model, max_tokens: 100, thinking: { type: 'enabled' } }));
    expect(await errorOf(res)).toMatchObject({ status: 400, type: 'invalid_request_error', message: expect.stringContaining('thinking') });
  });

  it('rejects reasoning_effort except on kimi-k3', async () => {
    const sim = await useSim();
    expect((await postChat(sim, ask('hi', { model: 'kimi-k3', reasoning_effort: 'low' }))).status).toBe(200);
    expect((await postChat(sim, ask('hi', { model: 'kimi-k3', reasoning_effort: 'huge' }))).status).toBe(400);
    expect((await postChat(sim, ask('hi', { reasoning_effort: 'low' }))).status).toBe(400);
  });

  it('rejects prompt + max_tokens beyond the context with the live message form', async () => {
    const sim = await useSim();
    const body = ask('x'.repeat(40_000), { model: 'moonshot-v1-8k', max_tokens: 1000 });
    const est = await (
      await fetch(`${sim.baseUrl}/tokenizers/estimate-token-count`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sim.key}` },
        body: JSON.stringify(body),
      })
    ).json();
    expect(await errorOf(await postChat(sim, body))).toEqual({
      status: 400,
      type: 'invalid_request_error',
      message: `Invalid request: Your request exceeded model token limit: 8192 (requested: ${est.data.total_tokens + 1000})`,
    });
    expect((await postChat(sim, { ...body, model: 'moonshot-v1-128k' })).status).toBe(200);
  });

  it('counts Chinese characters as one token each', async () => {
    const sim = await useSim();
    const zh = ask('页'.repeat(7500), { model: 'moonshot-v1-8k', max_tokens: 1000 });
    const en = ask('p'.repeat(7500), { model: 'moonshot-v1-8k', max_tokens: 1000 });
    expect((await postChat(sim, zh)).status).toBe(400);
    expect((await postChat(sim, en)).status).toBe(200);
  });

  it('checks images: vision models only, data URLs only, real image MIME types', async () => {
    const sim = await useSim();
    const withImage = (model: string, url: string) =>
      ask('hi', {
        model,
        max_tokens: 100,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image_url', image_url: { url } },
              { type: 'text', text: 'What is this?' },
            ],
          },
        ],
      });
    const ok = await postChat(sim, withImage('moonshot-v1-128k-vision-preview', PNG));
    expect(ok.status).toBe(200);
    expect((await ok.json()).choices[0].message.content).toContain('Images received: 1');
    expect((await errorOf(await postChat(sim, withImage('moonshot-v1-8k', PNG)))).status).toBe(400);
    expect((await errorOf(await postChat(sim, withImage('kimi-k2.6', 'https://example.com/a.png')))).message).toContain('unsupported image url');
    expect((await errorOf(await postChat(sim, withImage('kimi-k2.6', 'data:text/plain;base64,aGk=')))).message).toBe(
      'Invalid request: unsupported image format: text/plain',
    );
  });

  it('checks tool history: ids must exist, thinking needs reasoning_content on tool-call turns', async () => {
    const sim = await useSim();
    const call = { id: 'f_0', type: 'function', function: { name: 'f', arguments: '{}' } };
    const msgs = (assistant: Record<string, unknown>, toolId = 'f_0') => [
      { role: 'user', content: 'q' },
      { role: 'assistant', content: '', tool_calls: [call], ...assistant },
      { role: 'tool', tool_call_id: toolId, name: 'f', content: 'result' },
    ];
    expect((await postChat(sim, ask('x', { messages: msgs({ reasoning_content: 'think' }) }))).status).toBe(200);
    expect((await errorOf(await postChat(sim, ask('x', { messages: msgs({}) })))).message).toBe(
      'thinking is enabled but reasoning_content is missing in assistant tool call message at index 1',
    );
    expect((await postChat(sim, ask('x', { thinking: { type: 'disabled' }, messages: msgs({}) }))).status).toBe(200);
    expect((await errorOf(await postChat(sim, ask('x', { messages: msgs({ reasoning_content: 't' }, 'other') })))).message).toContain('tool_call_id');
  });

  it("rejects tool_choice 'required' with thinking on for k2.x", async () => {
    const sim = await useSim();
    const tools = [{ type: 'function', function: { name: 'get_x', parameters: { type: 'object', properties: {} } } }];
    expect((await errorOf(await postChat(sim, ask('x', { tools, tool_choice: 'required' })))).message).toBe(
      "tool_choice 'required' is incompatible with thinking enabled",
    );
    expect((await postChat(sim, ask('x', { tools, tool_choice: 'required', model: 'kimi-k3' }))).status).toBe(200);
  });

  it('allows partial only on the last assistant message', async () => {
    const sim = await useSim();
    const messages = [
      { role: 'assistant', content: 'pre', partial: true },
      { role: 'user', content: 'q' },
    ];
    expect((await errorOf(await postChat(sim, ask('x', { messages })))).status).toBe(400);
  });

  it('blocks inference with 429 exceeded_current_quota_error when the balance is used up', async () => {
    const sim = await useSim();
    sim.setBalance({ cash_balance: -1, voucher_balance: 0 });
    expect(await errorOf(await postChat(sim, ask()))).toMatchObject({ status: 429, type: 'exceeded_current_quota_error' });
  });
});
