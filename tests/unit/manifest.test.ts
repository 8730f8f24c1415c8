import { describe, expect, it } from 'vitest';
import { buildManifest, E2E_HOSTS, FILE_HOSTS, KIMI_HOSTS } from '../../utils/manifest';

const chrome = buildManifest({ browser: 'chrome', manifestVersion: 3, mode: 'production' });
const firefox = buildManifest({ browser: 'firefox', manifestVersion: 2, mode: 'production' });
const e2e = buildManifest({ browser: 'chrome', manifestVersion: 3, mode: 'e2e' });

describe('manifest permissions', () => {
  it('production builds reach only the two Kimi hosts', () => {
    expect(chrome.host_permissions).toEqual(KIMI_HOSTS);
    expect(firefox.host_permissions).toEqual(KIMI_HOSTS);
  });

  it('asks for no broad permission up front', () => {
    for (const m of [chrome, firefox]) {
      const perms = m.permissions as string[];
      expect(perms).not.toContain('tabs');
      expect(perms).not.toContain('<all_urls>');
      expect(perms).not.toContain('webRequest');
      expect(perms).toContain('activeTab');
      expect(m).not.toHaveProperty('externally_connectable');
      expect(m).not.toHaveProperty('content_scripts');
    }
  });

  it('custom endpoints and "read without clicking" are optional, per manifest version', () => {
    // Chromium also fetches a local (file://) PDF once the user allowed file access and this permission.
    expect(chrome.optional_host_permissions).toEqual(['https://*/*', 'http://*/*', 'file:///*']);
    expect(firefox.optional_permissions).toEqual(['https://*/*', 'http://*/*', 'tabs']);
  });

  it('seeing every tab of the window ("Add tabs") is optional; only the e2e build has it up front', () => {
    expect(chrome.optional_permissions).toEqual(['tabs']);
    expect(chrome.permissions).not.toContain('tabs');
    expect(e2e.permissions).toContain('tabs');
  });

  it('only the e2e build may reach loopback without asking', () => {
    expect(e2e.host_permissions).toEqual([...KIMI_HOSTS, ...E2E_HOSTS, ...FILE_HOSTS]);
    expect(JSON.stringify(chrome)).not.toContain('127.0.0.1');
  });

  it('Firefox gets a fixed id and uses its sidebar command', () => {
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: expect.stringContaining('@') } });
    expect(Object.keys(firefox.commands as object)).toContain('_execute_sidebar_action');
    expect(Object.keys(chrome.commands as object)).toContain('_execute_action');
    expect(chrome.permissions).toContain('sidePanel');
    expect(firefox.permissions).not.toContain('sidePanel');
  });
});

describe('manifest commands', () => {
  // The browsers' own Alt+Shift letters (Chromium's accelerator tables for Windows/Linux/ChromeOS and ChromeOS's
  // system shortcuts); an extension's suggested key must not take one of them from the user.
  const RESERVED = ['A', 'B', 'I', 'T', 'S', 'N', 'P', 'L', 'M'].map((k) => `Alt+Shift+${k}`);

  it('suggests three keys, none of them one the browser or ChromeOS already uses', () => {
    for (const m of [chrome, firefox]) {
      const keys = Object.values(m.commands as Record<string, { suggested_key: { default: string } }>).map((c) => c.suggested_key.default);
      expect(keys).toHaveLength(3);
      expect(new Set(keys).size).toBe(3);
      for (const key of keys) {
        expect(key).toMatch(/^Alt\+Shift\+[A-Z]$/);
        expect(RESERVED).not.toContain(key);
      }
    }
  });
});
