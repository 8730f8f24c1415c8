import { browser } from 'wxt/browser';

/**
 * Chrome: clicking the toolbar button opens the side panel.
 * Firefox: it toggles the sidebar (sidebarAction.toggle needs the click's user gesture).
 */
export function setUpToolbarButton(): void {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  if (import.meta.env.FIREFOX || !chromeSidePanel) {
    const action = browser.action ?? browser.browserAction;
    action?.onClicked.addListener(() => {
      void (browser as unknown as FirefoxSidebar).sidebarAction?.toggle();
    });
    return;
  }
  void chromeSidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
}

interface ChromeSidePanel {
  setPanelBehavior(options: { openPanelOnActionClick: boolean }): Promise<void>;
}
interface FirefoxSidebar {
  sidebarAction?: { toggle(): Promise<void> };
}
