/**
 * Which addresses no extension may read, and why: the worker checks before injecting the page reader, and the
 * "Add tabs" picker lists such tabs disabled with the reason. Pure (the caller gives its own origin).
 */

/** Schemes no extension may script, in either browser (other extensions' pages are checked separately). */
const RESTRICTED_SCHEMES = new Set([
  'chrome:',
  'chrome-untrusted:',
  'chrome-search:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'about:',
  'view-source:',
  'devtools:',
  'data:',
  'javascript:',
  'resource:',
  'jar:',
]);
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'extension:']);
/** The add-on stores: both browsers refuse scripts there. */
const STORES: [host: string, pathPrefix: string][] = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/** Why a page can't be read: a browser page, an add-on store, another extension's page. */
export type UnreadableReason = 'browser-page' | 'store' | 'extension';

/** The reason the browser will not let Moonlit read `url`, or null. An unknown or unparsable URL is not refused here: injection decides. */
export function unreadableReason(url: string | undefined, ownOrigin: string): UnreadableReason | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  if (RESTRICTED_SCHEMES.has(parsed.protocol)) return 'browser-page';
  if (EXTENSION_SCHEMES.has(parsed.protocol)) return url.startsWith(ownOrigin) ? null : 'extension';
  return STORES.some(([host, prefix]) => parsed.hostname === host && parsed.pathname.startsWith(prefix)) ? 'store' : null;
}
