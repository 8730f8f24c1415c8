import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMenus, onCommand, onMenuClicked } from '../../../utils/background/menus';
import { BUILTIN_ACTIONS } from '../../../utils/actions/builtin';
import { takePending } from '../../../utils/storage/pending-actions';
import { noteRead } from '../../../utils/background/tab-sources';

describe('context menu and commands', () => {
  it('creates the items with their stable ids', async () => {
    const created: unknown[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((p) => (created.push(p), 1));
    await createMenus();
    expect(created.map((c) => (c as { id: string }).id)).toEqual([
      'summarize-page',
      'explain-selection',
      'translate-selection',
      'summarize-selection',
      'ask-selection',
      'ask-image',
    ]);
    // Five page and selection items stand on their own; the image item shows only on images.
    expect(created.every((c) => !(c as { parentId?: string }).parentId)).toBe(true);
    const ask = created.find((c) => (c as { id: string }).id === 'ask-selection') as { title: string };
    expect(ask.title).toBe('Ask Kimi about “%s”');
    expect(BUILTIN_ACTIONS.every((m) => m.contexts.length > 0)).toBe(true);
  });

  it('a menu click opens the panel and leaves the action and the selection for it', async () => {
    const open = vi.spyOn(fakeBrowser.sidebarAction, 'open').mockResolvedValue(undefined);
    await onMenuClicked(
      { menuItemId: 'explain-selection', selectionText: 'quantum', editable: false, pageUrl: 'https://x.example/' } as never,
      { id: 12, windowId: 1 } as never,
    );
    const pending = await takePending(12);
    expect(pending).toMatchObject({ tabId: 12, kind: 'explain-selection', selection: 'quantum' });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('a panel already open is told at once, with the action as stored; the tab is read meanwhile', async () => {
    const told: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => void told.push(m));
    noteRead(21, { ok: 'same', same: 'r1', selection: '' });
    const read = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: { same: 'r1', selection: '' } }] as never);
    await onMenuClicked({ menuItemId: 'summarize-page', editable: false, pageUrl: 'https://x.example/' } as never, { id: 21, windowId: 1 } as never);
    await vi.waitFor(() => expect(told).toHaveLength(1));
    const stored = await takePending(21);
    expect(told[0]).toEqual({ name: 'bg→panel:action', data: stored });
    expect(read).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 21 }, args: [expect.any(String), 'r1'] }));
  });

  it('ignores unknown menu ids and commands without a tab', async () => {
    await onMenuClicked({ menuItemId: 'something-else' } as never, { id: 3, windowId: 1 } as never);
    await onCommand('summarize-page', undefined);
    expect(await takePending(3)).toBeUndefined();
  });

  it('the summarize shortcut queues a summary for the active tab', async () => {
    await onCommand('summarize-page', { id: 4, windowId: 1 } as never);
    expect((await takePending(4))?.kind).toBe('summarize-page');
  });
});

describe("menus from the user's actions", () => {
  it('more than a few items go under one Moonlit parent, ids unchanged; hidden ones are left out', async () => {
    const { actionsItem } = await import('../../../utils/storage/items');
    await actionsItem.setValue({
      list: [
        { id: 'user-poem', hidden: false, name: 'Poem', prompt: 'A poem on {{title}}', contexts: ['page', 'image'] },
        { id: 'summarize-selection', hidden: false },
        { id: 'user-b', hidden: false, name: 'B', prompt: 'b', contexts: ['selection'] },
        { id: 'ask-selection', hidden: true },
      ],
    });
    const created: { id: string; parentId?: string; contexts: string[]; title: string }[] = [];
    vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation((p) => (created.push(p as never), 1));
    await createMenus();
    expect(created.map((c) => c.id)).toEqual([
      'moonlit',
      'summarize-page',
      'explain-selection',
      'translate-selection',
      'user-poem',
      'summarize-selection',
      'user-b',
      'ask-image',
    ]);
    expect(created.slice(1).every((c) => c.parentId === 'moonlit')).toBe(true);
    expect(created[0].contexts.sort()).toEqual(['image', 'page', 'selection']);
    expect(created.find((c) => c.id === 'user-poem')).toMatchObject({ title: 'Poem', contexts: ['page', 'image'] });
    await onMenuClicked({ menuItemId: 'user-poem', editable: false, pageUrl: 'https://x.example/' } as never, { id: 31, windowId: 1 } as never);
    expect((await takePending(31))?.kind).toBe('user-poem');
  });
});
