import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resolveConnection } from '../../../utils/background/connection';
import { testConnection } from '../../../utils/background/messages';
import { settingsItem, modelsCacheItem } from '../../../utils/storage/items';
import { setApiKey } from '../../../utils/storage/secret-store';
import { startSimulator, DEFAULT_KEY, type Simulator } from '../../simulator/server';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
});

const useSim = (model = '') =>
  settingsItem.setValue({ platform: 'custom', customEndpoint: sim.url, model, answerLanguage: 'auto', webSearch: false, citations: true });

describe('resolveConnection', () => {
  it('asks for a key before anything else', async () => {
    await useSim('kimi-k2.6');
    expect(await resolveConnection()).toEqual({ kind: 'no-key' });
    expect(sim.log).toHaveLength(0);
  });

  it('reports a custom endpoint whose permission was not granted', async () => {
    await setApiKey(DEFAULT_KEY);
    await useSim('kimi-k2.6');
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    expect(await resolveConnection()).toMatchObject({ kind: 'no-host-permission' });
  });

  it('with a model saved, costs no request at all', async () => {
    await setApiKey(DEFAULT_KEY);
    await useSim('kimi-k2.6');
    const c = await resolveConnection();
    expect(c).toMatchObject({ base: `${sim.url}/v1`, apiKey: DEFAULT_KEY, model: 'kimi-k2.6' });
    expect(sim.log).toHaveLength(0);
  });

  it('with no model yet, lists the models once, picks a default and remembers it', async () => {
    await setApiKey(DEFAULT_KEY);
    await useSim('');
    const first = await resolveConnection();
    expect(first).toMatchObject({ model: expect.stringMatching(/^kimi-/) });
    expect((await settingsItem.getValue()).model).toBe((first as { model: string }).model);
    expect((await modelsCacheItem.getValue())?.models.length).toBeGreaterThan(0);
    await resolveConnection();
    expect(sim.log.filter((r) => r.path === '/v1/models')).toHaveLength(1);
  });

  it('a wrong key while listing models comes back as the API failure', async () => {
    await setApiKey('sk-not-the-right-key');
    await useSim('');
    expect(await resolveConnection()).toMatchObject({ kind: 'http', status: 401 });
  });
});

/** From here on every write to storage.local fails as Chromium's does at its quota. */
function fillStorage() {
  vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('Resource::kQuotaBytes quota exceeded'));
}

describe('a full storage.local does not break questions or the connection test (caches are only caches)', () => {
  it('the first question still goes: the model list and the default model cannot be cached, and need not be', async () => {
    await setApiKey(DEFAULT_KEY);
    await settingsItem.setValue({ platform: 'custom', customEndpoint: sim.url, model: '', answerLanguage: 'auto', webSearch: false, citations: true });
    fillStorage();
    const c = await resolveConnection();
    expect(c).toMatchObject({ base: `${sim.url}/v1`, apiKey: DEFAULT_KEY });
    expect((c as { model: string }).model).not.toBe('');
  });

  it('Test connection reports the models, not a storage error', async () => {
    fillStorage();
    const r = await testConnection({ platform: 'custom', customEndpoint: sim.url, apiKey: DEFAULT_KEY });
    expect(r.ok).toBe(true);
  });
});
