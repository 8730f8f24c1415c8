import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fixedTabId, followTab } from '../../../utils/panel/binding';

describe('panel binding', () => {
  it('reads a numeric tabId from the query only', () => {
    expect(fixedTabId('?tabId=42')).toBe(42);
    expect(fixedTabId('?tabId=4x2')).toBeUndefined();
    expect(fixedTabId('?tabId=')).toBeUndefined();
    expect(fixedTabId('')).toBeUndefined();
  });

  it('a fixed tab never follows the active tab', async () => {
    const seen: number[] = [];
    followTab('?tabId=7', (id) => seen.push(id));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 9, windowId: 1 });
    expect(seen).toEqual([7]);
  });

  it('without a tabId it follows the active tab of its own window', async () => {
    const win = await fakeBrowser.windows.create({});
    const other = await fakeBrowser.windows.create({});
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue(win);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 3 } as never]);
    const seen: number[] = [];
    const stop = followTab('', (id) => seen.push(id));
    await new Promise((r) => setTimeout(r, 0));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 5, windowId: win.id! });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 6, windowId: other.id! });
    stop();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 8, windowId: win.id! });
    expect(seen).toEqual([3, 5]);
  });
});
