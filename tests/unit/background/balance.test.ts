import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../utils/background/messages';
import { settingsItem } from '../../../utils/storage/items';
import { clearApiKey, setApiKey } from '../../../utils/storage/secret-store';
import { startSimulator, DEFAULT_KEY, type Simulator } from '../../simulator/server';

// "Check balance" must only ever send the key to the saved endpoint, and only with its host permission.
let saved: Simulator;
let typed: Simulator;
beforeAll(async () => {
  [saved, typed] = await Promise.all([startSimulator(), startSimulator()]);
});
afterAll(() => Promise.all([saved.close(), typed.close()]));

const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
const allowed = new Set<string>();

beforeEach(async () => {
  saved.reset();
  typed.reset();
  allowed.clear();
  allowed.add(`http://127.0.0.1/*`);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (p) => (p.origins ?? []).every((o) => allowed.has(o)));
  await setApiKey(DEFAULT_KEY);
  await settingsItem.setValue({ platform: 'custom', customEndpoint: saved.url, model: 'kimi-k2.6', answerLanguage: 'auto', webSearch: false, citations: true });
});

const ask = (data: unknown) => handleMessage({ name: 'options→bg:balance', data }, own);
const balanceCalls = (sim: Simulator) => sim.log.filter((r) => r.path === '/v1/users/me/balance');

describe('options→bg:balance', () => {
  it('asks the saved endpoint, with the saved key, once', async () => {
    await expect(ask({})).resolves.toMatchObject({ ok: true, available: expect.any(Number) });
    expect(balanceCalls(saved)).toHaveLength(1);
    expect(saved.log).toHaveLength(1);
    expect(saved.log[0].headers.authorization).toBe(`Bearer ${DEFAULT_KEY}`);
  });

  it('ignores an endpoint, platform and key in the message: the typed endpoint gets 0 requests', async () => {
    const shapes = [
      { platform: 'custom', customEndpoint: typed.url },
      { platform: 'custom', customEndpoint: typed.baseUrl, apiKey: 'sk-typed-but-not-saved-key' },
      { platform: 'international', customEndpoint: typed.url },
      { customEndpoint: `${typed.url}/v1/users/me/balance#` },
      'not an object',
      null,
    ];
    for (const data of shapes) await expect(ask(data)).resolves.toMatchObject({ ok: true });
    expect(typed.log).toHaveLength(0);
    expect(balanceCalls(saved)).toHaveLength(shapes.length);
    expect(saved.log.every((r) => r.headers.authorization === `Bearer ${DEFAULT_KEY}`)).toBe(true);
  });

  it('without the saved endpoint’s host permission, sends nothing and says so', async () => {
    allowed.clear();
    await expect(ask({ platform: 'custom', customEndpoint: typed.url })).resolves.toEqual({
      ok: false,
      failure: { kind: 'no-host-permission', message: saved.baseUrl },
    });
    expect(saved.log).toHaveLength(0);
    expect(typed.log).toHaveLength(0);
  });

  it('with no saved key, sends nothing, even when the message carries a key', async () => {
    await clearApiKey();
    await expect(ask({ platform: 'custom', customEndpoint: typed.url, apiKey: DEFAULT_KEY })).resolves.toEqual({ ok: false, failure: { kind: 'no-key' } });
    expect(saved.log).toHaveLength(0);
    expect(typed.log).toHaveLength(0);
  });

  it('answers no other extension and no content script', () => {
    expect(handleMessage({ name: 'options→bg:balance', data: {} }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
    expect(handleMessage({ name: 'options→bg:balance', data: {} }, { id: fakeBrowser.runtime.id, url: 'https://example.com/', tab: { id: 1 } as never })).toBeUndefined();
    expect(saved.log).toHaveLength(0);
  });
});
