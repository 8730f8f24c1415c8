import { browser } from 'wxt/browser';

interface ChromeSidePanelOpen {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}

/**
 * Opens the panel beside `tabId`. Must be called synchronously from the
 * user's gesture (a menu click or a shortcut): both browsers refuse otherwise.
 */
export function openPanel(tabId: number | undefined, windowId: number | undefined): Promise<void> {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanelOpen } }).chrome?.sidePanel;
  if (!import.meta.env.FIREFOX && chromeSidePanel) {
    const target = tabId !== undefined ? { tabId } : { windowId };
    return chromeSidePanel.open(target).catch(() => undefined);
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    return sidebar?.open().catch(() => undefined) ?? Promise.resolve();
  } catch {
    // No sidebar here; the action still waits for the panel to be opened by hand.
    return Promise.resolve();
  }
}
