import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onSelectionAction } from '../../../utils/background/selection-action';
import { takePending } from '../../../utils/storage/pending-actions';

type Sidebar = { open(): Promise<void>; isOpen(d: object): Promise<boolean> };
const sidebar = () => fakeBrowser.sidebarAction as unknown as Sidebar;

describe('the selection button opens a panel', () => {
  it('in a tab beside the page when the sidebar refuses to open (no user input in the worker) and is closed', async () => {
    vi.spyOn(sidebar(), 'open').mockRejectedValue(new Error('sidebarAction.open may only be called from a user input handler'));
    Object.assign(fakeBrowser.sidebarAction, { isOpen: vi.fn().mockResolvedValue(false) });
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, index: 3 } as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({ id: 8 } as never);
    await onSelectionAction(7, 2, { kind: 'explain-selection', selection: 'a phrase' });
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/sidepanel.html?tabId=7'), windowId: 2, openerTabId: 7, index: 4 });
    expect(await takePending(7)).toMatchObject({ tabId: 7, kind: 'explain-selection', selection: 'a phrase' });
  });

  it('no extra tab when the sidebar opens, or was open already', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({ id: 8 } as never);
    vi.spyOn(sidebar(), 'open').mockResolvedValue(undefined);
    await onSelectionAction(9, 2, { kind: 'summarize-selection', selection: 'x' });
    vi.spyOn(sidebar(), 'open').mockRejectedValue(new Error('no user input'));
    Object.assign(fakeBrowser.sidebarAction, { isOpen: vi.fn().mockResolvedValue(true) });
    await onSelectionAction(10, 2, { kind: 'summarize-selection', selection: 'x' });
    expect(create).not.toHaveBeenCalled();
  });
});
