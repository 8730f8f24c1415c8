import { browser } from 'wxt/browser';

interface ChromeSidePanelOpen {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}

const firefoxSidebar = () => (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;

/**
 * Opens the panel beside `tabId`. Must be called synchronously from the
 * user's gesture (a menu click or a shortcut): both browsers refuse otherwise.
 * Resolves to whether the panel is open now.
 */
export function openPanel(tabId: number | undefined, windowId: number | undefined): Promise<boolean> {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanelOpen } }).chrome?.sidePanel;
  if (!import.meta.env.FIREFOX && chromeSidePanel) {
    const target = tabId !== undefined ? { tabId } : { windowId };
    return chromeSidePanel.open(target).then(
      () => true,
      () => false,
    );
  }
  const sidebar = firefoxSidebar();
  // Refused (no user input, e.g. a page script's message): the sidebar may still be open already.
  const isOpen = async () => {
    try {
      return (await sidebar?.isOpen({ windowId })) ?? false;
    } catch {
      return false;
    }
  };
  try {
    return sidebar ? sidebar.open().then(() => true, isOpen) : Promise.resolve(false);
  } catch {
    // No sidebar here, or open() refused at once; the action still waits for the panel to be opened by hand.
    return isOpen();
  }
}

/**
 * The panel beside `tabId`, or else the panel bound to it in a new tab next to it. For a pick that reaches the
 * worker as a page script's message: Firefox opens the sidebar only inside a user-input handler, and a content
 * script's message is not one, so without this the user's pick would wait unseen.
 */
export async function openPanelOrTab(tabId: number, windowId: number | undefined, stored: Promise<unknown>): Promise<void> {
  const opened = openPanel(tabId, windowId);
  // The new tab's panel claims the action as it loads: only once it is stored.
  await stored.catch(() => undefined);
  if (await opened) return;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  await browser.tabs.create({
    url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`),
    windowId,
    openerTabId: tabId,
    ...(tab ? { index: tab.index + 1 } : {}),
  });
}
