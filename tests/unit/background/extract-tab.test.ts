import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifyInjectionError, extractTab, isRestrictedUrl } from '../../../utils/background/extract-tab';
import type { PageContent } from '../../../utils/sources/types';

const PAGE: PageContent = { url: 'https://example.com/a', title: 'A', text: 'Body text', selection: '' };

function tabAt(url: string | undefined) {
  return vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, url } as never);
}

function injection() {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript');
}

describe('isRestrictedUrl', () => {
  it.each([
    'chrome://settings/',
    'edge://extensions/',
    'about:addons',
    'view-source:https://example.com/',
    'devtools://devtools/bundled/inspector.html',
    'data:text/html,hi',
    'chrome-extension://abcdefghijklmnop/options.html',
    'moz-extension://1234-5678/popup.html',
    'https://chromewebstore.google.com/detail/x/abc',
    'https://chrome.google.com/webstore/detail/abc',
    'https://addons.mozilla.org/en-US/firefox/addon/x/',
  ])('refuses %s', (url) => {
    expect(isRestrictedUrl(url)).toBe(true);
  });

  it.each(['https://example.com/', 'http://127.0.0.1:8080/page.html', 'https://chrome.google.com/search', 'file:///tmp/a.html'])('allows %s', (url) => {
    expect(isRestrictedUrl(url)).toBe(false);
  });

  it('allows our own pages and an unknown URL (injection decides)', () => {
    expect(isRestrictedUrl(fakeBrowser.runtime.getURL('/sidepanel.html'))).toBe(false);
    expect(isRestrictedUrl(undefined)).toBe(false);
  });
});

describe('classifyInjectionError', () => {
  it('maps the browsers’ messages to reasons', () => {
    expect(classifyInjectionError('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')).toBe(
      'no-permission',
    );
    expect(classifyInjectionError('Cannot access contents of url "https://x.test/". Extension manifest must request permission')).toBe('no-permission');
    expect(classifyInjectionError('Missing host permission for the tab')).toBe('no-permission');
    expect(classifyInjectionError('No tab with id: 7.')).toBe('no-tab');
    expect(classifyInjectionError('Invalid tab ID: 7')).toBe('no-tab');
    expect(classifyInjectionError('Cannot access a chrome:// URL')).toBe('restricted');
    expect(classifyInjectionError('The extensions gallery cannot be scripted.')).toBe('restricted');
    expect(classifyInjectionError('Frame with ID 0 was removed.')).toBe('injection-failed');
  });
});

describe('extractTab', () => {
  it('injects the content script and returns the page', async () => {
    tabAt('https://example.com/a');
    const spy = injection().mockResolvedValue([{ frameId: 0, result: PAGE }] as never);
    expect(await extractTab(7)).toEqual({ ok: true, page: PAGE });
    expect(spy).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/page-reader.js'] });
  });

  it('refuses restricted pages before injecting', async () => {
    tabAt('chrome://settings/');
    const spy = injection();
    expect(await extractTab(7)).toEqual({ ok: false, reason: 'restricted', url: 'chrome://settings/' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses file pages when file access is off', async () => {
    tabAt('file:///home/me/notes.html');
    vi.spyOn(fakeBrowser.extension, 'isAllowedFileSchemeAccess').mockResolvedValue(false);
    const spy = injection();
    expect(await extractTab(7)).toMatchObject({ ok: false, reason: 'restricted', detail: 'file-access' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('reports a closed tab', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 7.'));
    expect(await extractTab(7)).toMatchObject({ ok: false, reason: 'no-tab' });
  });

  it('reports a missing permission with the browser’s words as detail', async () => {
    tabAt('https://example.com/a');
    injection().mockRejectedValue(new Error('Missing host permission for the tab'));
    expect(await extractTab(7)).toEqual({
      ok: false,
      reason: 'no-permission',
      url: 'https://example.com/a',
      detail: 'Missing host permission for the tab',
    });
  });

  it('reports other injection failures and a script that returned nothing', async () => {
    tabAt('https://example.com/a');
    injection()
      .mockRejectedValueOnce(new Error('Frame with ID 0 was removed.'))
      .mockResolvedValueOnce([{ frameId: 0, result: undefined }] as never);
    expect(await extractTab(7)).toMatchObject({ ok: false, reason: 'injection-failed', detail: 'Frame with ID 0 was removed.' });
    expect(await extractTab(7)).toMatchObject({ ok: false, reason: 'injection-failed' });
  });

  it('reports an empty page, but not when something is selected', async () => {
    tabAt('https://example.com/a');
    injection()
      .mockResolvedValueOnce([{ frameId: 0, result: { ...PAGE, text: '  ' } }] as never)
      .mockResolvedValueOnce([{ frameId: 0, result: { ...PAGE, text: '', selection: 'picked' } }] as never);
    expect(await extractTab(7)).toEqual({ ok: false, reason: 'empty', url: 'https://example.com/a' });
    expect(await extractTab(7)).toMatchObject({ ok: true, page: { selection: 'picked' } });
  });
});
