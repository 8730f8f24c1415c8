import { browser, type Browser } from 'wxt/browser';

/**
 * True when a message or port comes from one of Moonlit's own pages (panel,
 * popup, options) — not from a content script, a web page or another
 * extension. Only these may start a Kimi request.
 */
export function isExtensionPage(sender: Browser.runtime.MessageSender | undefined): boolean {
  if (!sender || sender.id !== browser.runtime.id) return false;
  const url = sender.url ?? '';
  return url.startsWith(browser.runtime.getURL('/'));
}

/**
 * The tab a message came from when Moonlit's own script in a page's top frame sent it (the page reader):
 * a page's own scripts cannot message an extension at all, other extensions have another id.
 */
export function pageScriptTab(sender: Browser.runtime.MessageSender | undefined): number | undefined {
  if (!sender || sender.id !== browser.runtime.id || isExtensionPage(sender)) return undefined;
  return sender.frameId === 0 && typeof sender.tab?.id === 'number' ? sender.tab.id : undefined;
}
