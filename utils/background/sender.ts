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
