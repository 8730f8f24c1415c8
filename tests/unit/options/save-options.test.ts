import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkDraft, keyHint, requestEndpointPermission, saveOptions } from '../../../utils/options/save-options';
import { keyHintItem, settingsItem } from '../../../utils/storage/items';
import { getApiKey } from '../../../utils/storage/secret-store';

const draft = {
  platform: 'international' as const,
  customEndpoint: '',
  model: 'kimi-k2.6',
  answerLanguage: 'auto',
  webSearch: false,
  citations: true,
  apiKey: '',
};

describe('saving options', () => {
  it('stores the key in the secret store and only a 4-character hint in storage', async () => {
    await saveOptions({ ...draft, apiKey: '  sk-abcdefghijkl1234 ' });
    expect(await getApiKey()).toBe('sk-abcdefghijkl1234');
    expect(await keyHintItem.getValue()).toBe('1234');
    const everything = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(everything).not.toContain('abcdefghijkl');
    expect(await settingsItem.getValue()).toEqual({
      platform: 'international',
      customEndpoint: '',
      model: 'kimi-k2.6',
      answerLanguage: 'auto',
      webSearch: false,
      citations: true,
    });
  });

  it('an empty key field keeps the saved key', async () => {
    await saveOptions({ ...draft, apiKey: 'sk-first-key-0001' });
    await saveOptions({ ...draft, apiKey: '', model: 'kimi-k2.5' });
    expect(await getApiKey()).toBe('sk-first-key-0001');
    expect((await settingsItem.getValue()).model).toBe('kimi-k2.5');
  });

  it('never hints more than 4 characters, even for short keys', () => {
    expect(keyHint('sk-12')).toBe('••••');
    expect(keyHint('sk-1234567890')).toBe('7890');
  });

  it('catches malformed keys and endpoints before saving', () => {
    expect(checkDraft({ ...draft, apiKey: 'sk abc def' })).toBe('optionsKeyMalformed');
    expect(checkDraft({ ...draft, apiKey: 'short' })).toBe('optionsKeyMalformed');
    expect(checkDraft({ ...draft, platform: 'custom', customEndpoint: '' })).toBe('optionsEndpointEmpty');
    expect(checkDraft({ ...draft, platform: 'custom', customEndpoint: 'file:///etc' })).toBe('optionsEndpointInvalid');
    expect(checkDraft({ ...draft, apiKey: 'sk-good-key-123' })).toBeNull();
  });

  it('asks for the custom endpoint host only, and not for the built-in platforms', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    expect(await requestEndpointPermission(draft)).toBe(true);
    expect(request).not.toHaveBeenCalled();
    await requestEndpointPermission({ ...draft, platform: 'custom', customEndpoint: 'https://proxy.example:9000/v1' });
    expect(request).toHaveBeenCalledWith({ origins: ['https://proxy.example/*'] });
  });
});

describe('settings migration', () => {
  it('brings version 1 settings up to date without losing anything', async () => {
    await fakeBrowser.storage.local.set({
      settings: { platform: 'china', customEndpoint: '', model: 'kimi-k2.5' },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({
      platform: 'china',
      customEndpoint: '',
      model: 'kimi-k2.5',
      answerLanguage: 'auto',
      webSearch: false,
      citations: true,
    });
  });

  it('brings version 2 settings to the latest with web search off and citations on', async () => {
    await fakeBrowser.storage.local.set({
      settings: { platform: 'international', customEndpoint: '', model: 'kimi-k2.6', answerLanguage: 'zh-CN' },
      settings$: { v: 2 },
    });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({
      platform: 'international',
      customEndpoint: '',
      model: 'kimi-k2.6',
      answerLanguage: 'zh-CN',
      webSearch: false,
      citations: true,
    });
  });

  it('brings version 3 settings to version 4 keeping web search as it was', async () => {
    await fakeBrowser.storage.local.set({
      settings: { platform: 'custom', customEndpoint: 'http://127.0.0.1:9/v1', model: 'm', answerLanguage: 'auto', webSearch: true },
      settings$: { v: 3 },
    });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({
      platform: 'custom',
      customEndpoint: 'http://127.0.0.1:9/v1',
      model: 'm',
      answerLanguage: 'auto',
      webSearch: true,
      citations: true,
    });
  });
});
