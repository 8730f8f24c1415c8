import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY } from './server';
import { ask, auth, postChat, useSim } from './test-helpers';

describe('simulator auth', () => {
  it('accepts the default key and rejects unknown or missing keys with the two documented 401 bodies', async () => {
    const sim = await useSim();
    const good = await fetch(`${sim.baseUrl}/models`, { headers: auth() });
    expect(good.status).toBe(200);
    const wrong = await fetch(`${sim.baseUrl}/models`, { headers: auth('sk-from-the-other-platform') });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { message: 'Invalid Authentication', type: 'invalid_authentication_error' } });
    const missing = await fetch(`${sim.baseUrl}/models`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { message: 'Incorrect API key provided', type: 'incorrect_api_key_error' } });
  });

  it('checks the key on chat, files, balance and estimate too', async () => {
    const sim = await useSim();
    const bad = auth('sk-nope');
    const calls = [
      postChat(sim, ask(), bad),
      fetch(`${sim.baseUrl}/files`, { headers: bad }),
      fetch(`${sim.baseUrl}/users/me/balance`, { headers: bad }),
      fetch(`${sim.baseUrl}/tokenizers/estimate-token-count`, { method: 'POST', headers: bad, body: JSON.stringify(ask()) }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.type).toBe('invalid_authentication_error');
    }
  });

  it('uses the keys given in the options instead of the default one', async () => {
    const sim = await useSim({ keys: ['sk-a', 'sk-b'] });
    expect(sim.key).toBe('sk-a');
    expect((await fetch(`${sim.baseUrl}/models`, { headers: auth('sk-b') })).status).toBe(200);
    expect((await fetch(`${sim.baseUrl}/models`, { headers: auth(DEFAULT_KEY) })).status).toBe(401);
  });

  it('puts a Msh-Request-Id on every response, errors included', async () => {
    const sim = await useSim();
    const ok = await fetch(`${sim.baseUrl}/models`, { headers: auth() });
    const denied = await fetch(`${sim.baseUrl}/models`);
    expect(ok.headers.get('msh-request-id')).toMatch(/\S{8,}/);
    expect(denied.headers.get('msh-request-id')).toMatch(/\S{8,}/);
    expect(ok.headers.get('msh-request-id')).not.toBe(denied.headers.get('msh-request-id'));
  });
});

describe('GET /v1/models', () => {
  it('lists the default roster in the documented shape', async () => {
    const sim = await useSim();
    const body = await (await fetch(`${sim.baseUrl}/models`, { headers: auth() })).json();
    expect(body.object).toBe('list');
    const ids = body.data.map((m: { id: string }) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['kimi-k2.6', 'kimi-k2.5', 'kimi-k3', 'moonshot-v1-8k', 'moonshot-v1-32k', 'moonshot-v1-128k', 'moonshot-v1-128k-vision-preview']),
    );
    const k26 = body.data.find((m: { id: string }) => m.id === 'kimi-k2.6');
    expect(k26).toMatchObject({ object: 'model', owned_by: 'moonshot', context_length: 262144, supports_image_in: true, supports_reasoning: true });
    expect(typeof k26.created).toBe('number');
    const v8 = body.data.find((m: { id: string }) => m.id === 'moonshot-v1-8k');
    expect(v8).toMatchObject({ context_length: 8192, supports_image_in: false, supports_reasoning: false });
    expect(body.data.find((m: { id: string }) => m.id === 'kimi-k3').context_length).toBe(1048576);
  });

  it('leaves out capability fields a custom model omits', async () => {
    const sim = await useSim({ models: [{ id: 'kimi-latest' }, { id: 'kimi-k2.6', context_length: 1000 }] });
    const body = await (await fetch(`${sim.baseUrl}/models`, { headers: auth() })).json();
    expect(Object.keys(body.data[0]).sort()).toEqual(['created', 'id', 'object', 'owned_by']);
    expect(body.data[1].context_length).toBe(1000);
    // the small context of the custom model is enforced
    const res = await postChat(sim, ask('hi', { max_tokens: 2000 }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/exceeded model token limit: 1000 \(requested: \d+\)/);
  });

  it('answers unknown paths under /v1 with 404 resource_not_found_error', async () => {
    const sim = await useSim();
    const res = await fetch(`${sim.baseUrl}/nothing-here`, { headers: auth() });
    expect(res.status).toBe(404);
    expect((await res.json()).error.type).toBe('resource_not_found_error');
  });
});
