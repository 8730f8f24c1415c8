import { browser } from 'wxt/browser';

/**
 * Chrome: clicking the toolbar button opens the side panel.
 * Firefox: it toggles the sidebar (sidebarAction.toggle needs the click's user gesture).
 */
export function setUpToolbarButton(): void {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const firefoxSidebar = (browser as unknown as FirefoxSidebar).sidebarAction;
  const action = browser.action ?? browser.browserAction;
  if (!chromeSidePanel && !firefoxSidebar) {
    // No side panel in this browser (e.g. Firefox for Android): the toolbar opens the compact popup.
    void action?.setPopup({ popup: browser.runtime.getURL('/quick.html') });
    return;
  }
  if (import.meta.env.FIREFOX || !chromeSidePanel) {
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
