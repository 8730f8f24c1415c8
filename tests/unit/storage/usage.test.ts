import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { entryBytes, LOCAL_BUDGET_BYTES } from '@/utils/storage/budget';
import { localBytesInUse, measureStorage } from '@/utils/storage/usage';

const conv = { v: 3, id: 'a', url: 'https://a.example/', title: 'A page', turns: [{ answer: 'x'.repeat(1000) }], createdAt: 1, updatedAt: 7 };

async function fill() {
  await fakeBrowser.storage.local.set({ 'conv:a': conv, settings: { model: 'm' } });
  await fakeBrowser.storage.session.set({ 'docCache:h1': { text: 'doc text', filename: 'f.pdf' }, 'tabConversation:3': 'a' });
}

describe('measuring storage', () => {
  it('estimates every part where the browser has no getBytesInUse (Firefox), as Chromium would count it', async () => {
    await fill();
    const { usage, conversations } = await measureStorage();
    const convBytes = entryBytes('conv:a', conv);
    const settingsBytes = entryBytes('settings', { model: 'm' });
    expect(usage).toMatchObject({ conversations: convBytes, settings: settingsBytes, local: convBytes + settingsBytes, budget: LOCAL_BUDGET_BYTES });
    // Only the documents cache counts in the session area, not the tab → conversation map.
    expect(usage.documents).toBe(entryBytes('docCache:h1', { text: 'doc text', filename: 'f.pdf' }));
    expect(conversations).toEqual([{ id: 'a', title: 'A page', updatedAt: 7, bytes: convBytes }]);
    expect(await localBytesInUse()).toBe(convBytes + settingsBytes);
  });

  it("uses the browser's own count where it has one (Chromium), and the estimate where it throws", async () => {
    await fill();
    const asked: unknown[] = [];
    Object.assign(fakeBrowser.storage.local, {
      getBytesInUse: async (keys: unknown) => (asked.push(keys), keys === null ? 5000 : 3000),
    });
    Object.assign(fakeBrowser.storage.session, {
      getBytesInUse: async () => {
        throw new Error('not implemented');
      },
    });
    try {
      const { usage } = await measureStorage();
      expect(usage).toMatchObject({ local: 5000, conversations: 3000, settings: 2000 });
      expect(asked).toContainEqual(['conv:a']);
      expect(usage.documents).toBe(entryBytes('docCache:h1', { text: 'doc text', filename: 'f.pdf' }));
      expect(await localBytesInUse()).toBe(5000);
    } finally {
      delete (fakeBrowser.storage.local as { getBytesInUse?: unknown }).getBytesInUse;
      delete (fakeBrowser.storage.session as { getBytesInUse?: unknown }).getBytesInUse;
    }
  });
});
