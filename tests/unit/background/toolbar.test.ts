import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setUpToolbarButton } from '../../../utils/background/toolbar';

const g = globalThis as { chrome?: unknown };

describe('toolbar button', () => {
  afterEach(() => {
    delete g.chrome;
  });

  it('Chrome: the button opens the side panel', () => {
    const setPanelBehavior = vi.fn().mockResolvedValue(undefined);
    g.chrome = { sidePanel: { setPanelBehavior } };
    setUpToolbarButton();
    expect(setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
  });

  it('with a sidebar (Firefox): a click toggles it', async () => {
    const toggle = vi.spyOn(fakeBrowser.sidebarAction, 'toggle').mockResolvedValue(undefined);
    setUpToolbarButton();
    await fakeBrowser.action.onClicked.trigger({ id: 1 } as never, undefined as never);
    expect(toggle).toHaveBeenCalledTimes(1);
  });

  it('with no side panel at all: the button opens the compact popup instead', () => {
    const saved = fakeBrowser.sidebarAction;
    Object.assign(fakeBrowser, { sidebarAction: undefined });
    const setPopup = vi.spyOn(fakeBrowser.action, 'setPopup').mockResolvedValue(undefined);
    try {
      setUpToolbarButton();
      expect(setPopup).toHaveBeenCalledWith({ popup: expect.stringMatching(/\/quick\.html$/) });
    } finally {
      Object.assign(fakeBrowser, { sidebarAction: saved });
    }
  });
});
