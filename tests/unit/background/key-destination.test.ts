import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../utils/background/messages';
import { settingsItem } from '../../../utils/storage/items';
import { clearApiKey, setApiKey } from '../../../utils/storage/secret-store';
import { startSimulator, DEFAULT_KEY, type Simulator } from '../../simulator/server';

// The saved key only ever goes to the saved endpoint, and only with its host permission: "Check balance" and
// "Test connection" against two simulators, the saved one and one typed in the options page but not saved.
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
    expect(
      handleMessage({ name: 'options→bg:balance', data: {} }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }),
    ).toBeUndefined();
    expect(
      handleMessage({ name: 'options→bg:balance', data: {} }, { id: fakeBrowser.runtime.id, url: 'https://example.com/', tab: { id: 1 } as never }),
    ).toBeUndefined();
    expect(saved.log).toHaveLength(0);
  });
});

describe('options→bg:test-connection', () => {
  const test = (data: unknown) => handleMessage({ name: 'options→bg:test-connection', data }, own);
  const modelCalls = (sim: Simulator) => sim.log.filter((r) => r.path === '/v1/models');

  it('the saved address with no key typed: the saved key, to the saved endpoint', async () => {
    await expect(test({ platform: 'custom', customEndpoint: saved.url })).resolves.toMatchObject({ ok: true });
    expect(modelCalls(saved).map((r) => r.headers.authorization)).toEqual([`Bearer ${DEFAULT_KEY}`]);
    expect(typed.log).toHaveLength(0);
  });

  it('an address typed but not saved never gets the saved key: 0 requests anywhere', async () => {
    await expect(test({ platform: 'custom', customEndpoint: typed.url })).resolves.toEqual({ ok: false, failure: { kind: 'no-key' } });
    await expect(test({ platform: 'custom', customEndpoint: `${typed.url}/v1/` })).resolves.toEqual({ ok: false, failure: { kind: 'no-key' } });
    expect(typed.log).toHaveLength(0);
    expect(saved.log).toHaveLength(0);
  });

  it('a key typed with the new address goes there (with its permission), and the saved key does not', async () => {
    await expect(test({ platform: 'custom', customEndpoint: typed.url, apiKey: ` ${DEFAULT_KEY} ` })).resolves.toMatchObject({ ok: true });
    expect(typed.log.map((r) => r.headers.authorization)).toEqual([`Bearer ${DEFAULT_KEY}`]);
    expect(saved.log).toHaveLength(0);
    allowed.clear();
    await expect(test({ platform: 'custom', customEndpoint: typed.url, apiKey: DEFAULT_KEY })).resolves.toEqual({
      ok: false,
      failure: { kind: 'no-host-permission', message: typed.baseUrl },
    });
    expect(typed.log).toHaveLength(1);
  });

  it('answers no malformed draft', () => {
    for (const data of [
      null,
      {},
      { platform: 'custom' },
      { platform: 'custom', customEndpoint: 'ftp://x' },
      { platform: 'mars', customEndpoint: '' },
      { platform: 'china', customEndpoint: '', apiKey: 7 },
    ])
      expect(test(data)).toBeUndefined();
  });
});
