import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dropHeldConnection, heldConnection, watchHeldConnection } from '../../../utils/background/held-connection';
import type { LocalConnection } from '../../../utils/background/connection';
import { keyHintItem, modelsCacheItem, settingsItem } from '../../../utils/storage/items';
import { onSecretChange, setApiKey } from '../../../utils/storage/secret-store';

const local = (apiKey: string): LocalConnection => ({ settings: {} as LocalConnection['settings'], apiKey, hostAllowed: true });

/** Event doubles that the test fires. */
function events() {
  const listeners = {
    changed: [] as ((c: Record<string, unknown>, area: string) => void)[],
    added: [] as (() => void)[],
    removed: [] as (() => void)[],
    secret: [] as (() => void)[],
  };
  const ev = {
    storage: { onChanged: { addListener: (f: (c: Record<string, unknown>, area: string) => void) => listeners.changed.push(f) } },
    permissions: {
      onAdded: { addListener: (f: () => void) => listeners.added.push(f) },
      onRemoved: { addListener: (f: () => void) => listeners.removed.push(f) },
    },
  };
  watchHeldConnection(ev as never, (f) => listeners.secret.push(f));
  return listeners;
}

describe('the reading the worker holds between questions', () => {
  beforeEach(() => dropHeldConnection());

  it('is read once and held for the next questions', async () => {
    const read = vi.fn(async () => local('sk-1'));
    expect(await heldConnection(read)).toEqual(local('sk-1'));
    expect(await heldConnection(read)).toEqual(local('sk-1'));
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('a failed reading is not held', async () => {
    const read = vi.fn().mockRejectedValueOnce(new Error('storage is gone')).mockResolvedValue(local('sk-1'));
    await expect(heldConnection(read)).rejects.toThrow('storage is gone');
    expect(await heldConnection(read)).toEqual(local('sk-1'));
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('is dropped when the settings, the model list or the key hint change, a permission changes or the key is saved', async () => {
    const l = events();
    const read = vi.fn(async () => local('sk-1'));
    const dropsOn = async (fire: () => void) => {
      dropHeldConnection();
      await heldConnection(read);
      const before = read.mock.calls.length;
      fire();
      await heldConnection(read);
      return read.mock.calls.length - before === 1;
    };
    const key = (item: { key: string }) => item.key.replace(/^local:/, '');
    for (const item of [settingsItem, modelsCacheItem, keyHintItem]) {
      expect(await dropsOn(() => l.changed.forEach((f) => f({ [key(item)]: { newValue: 1 } }, 'local'))), item.key).toBe(true);
    }
    expect(await dropsOn(() => l.changed.forEach((f) => f({ conversations: { newValue: 1 } }, 'local')))).toBe(false);
    expect(await dropsOn(() => l.changed.forEach((f) => f({ [key(settingsItem)]: { newValue: 1 } }, 'session')))).toBe(false);
    expect(await dropsOn(() => l.added.forEach((f) => f()))).toBe(true);
    expect(await dropsOn(() => l.removed.forEach((f) => f()))).toBe(true);
    expect(await dropsOn(() => l.secret.forEach((f) => f()))).toBe(true);
  });

  it('hears of a key saved in another context (the options page) through secret-store', async () => {
    // The real channel of secret-store; the test only learns when its message has been handled.
    let handled!: () => void;
    const heard = new Promise<void>((r) => (handled = r));
    watchHeldConnection(fakeBrowser as never, (drop) =>
      onSecretChange(() => {
        drop();
        handled();
      }),
    );
    const read = vi.fn(async () => local('sk-1'));
    await heldConnection(read);
    await setApiKey('sk-a-new-key-0123456789');
    await heard; // BroadcastChannel delivers in a later task
    await heldConnection(read);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
