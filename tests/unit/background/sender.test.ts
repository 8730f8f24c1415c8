import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isExtensionPage } from '../../../utils/background/sender';

describe('isExtensionPage', () => {
  const own = () => fakeBrowser.runtime.getURL('/sidepanel.html');
  it('accepts our own pages', () => {
    expect(isExtensionPage({ id: fakeBrowser.runtime.id, url: own() })).toBe(true);
  });
  it('rejects content scripts, web pages and other extensions', () => {
    expect(isExtensionPage({ id: fakeBrowser.runtime.id, url: 'https://evil.example/' })).toBe(false);
    expect(isExtensionPage({ id: 'other-extension', url: own() })).toBe(false);
    expect(isExtensionPage({ id: fakeBrowser.runtime.id })).toBe(false);
    expect(isExtensionPage(undefined)).toBe(false);
  });
});
