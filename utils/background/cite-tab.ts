import { browser } from 'wxt/browser';
import type { CiteRequest, CiteResult } from '../citations/types';
import { HIGHLIGHT_CSS } from '../citations/highlight';
import { callInstalledCite, type InjectedCite } from '../citations/inject-cite';
import { isPdfByContentType, pdfUrlOf } from '../documents/pdf-tab';
import { classifyInjectionError, isRestrictedUrl } from './extract-tab';

const MAX_URL = 8192;
/** A passage is a paragraph or a table row; anything far longer is not one of ours. */
const MAX_QUOTE = 100_000;
const MAX_PAGE = 100_000;

/** The request if every field is what the panel sends, else null (the message then gets no answer). */
export function parseCiteRequest(raw: unknown): CiteRequest | null {
  const r = raw as Partial<CiteRequest> | null;
  if (!r || typeof r !== 'object') return null;
  const { tabId, url, quote, at, page, focus } = r;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  if (typeof url !== 'string' || !url || url.length > MAX_URL || !URL.canParse(url)) return null;
  if (typeof quote !== 'string' || !quote.trim() || quote.length > MAX_QUOTE) return null;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > 1) return null;
  if (page !== undefined && (typeof page !== 'number' || !Number.isInteger(page) || page < 1 || page > MAX_PAGE)) return null;
  if (focus !== undefined && focus !== true) return null;
  return { tabId, url, quote, at, ...(page !== undefined ? { page } : {}), ...(focus ? { focus } : {}) };
}

/** The document a URL names: its hash only scrolls (and a PDF viewer's URL names the PDF). */
export function documentOf(url: string): string {
  const pdf = pdfUrlOf(url) ?? url;
  try {
    const u = new URL(pdf);
    u.hash = '';
    return u.href;
  } catch {
    return pdf.split('#')[0];
  }
}

const MOVED: CiteResult = { ok: false, reason: 'moved' };
const BLOCKED: CiteResult = { ok: false, reason: 'blocked' };
const GONE: CiteResult = { ok: false, reason: 'gone' };

export interface CiteDeps {
  /** Which PDF viewer the tab has (pdf.js in Firefox, Chrome's own otherwise). */
  firefox?: boolean;
  /** For asking a server whether a URL without ".pdf" serves a PDF. */
  fetchImpl?: typeof fetch;
}

/** Shows a cited passage in its tab: the PDF viewer at its page, or the page scrolled and highlighted. */
export async function citeInTab(req: CiteRequest, deps: CiteDeps = {}): Promise<CiteResult> {
  let url: string | undefined;
  let windowId: number | undefined;
  try {
    ({ url, windowId } = await browser.tabs.get(req.tabId));
  } catch {
    return MOVED;
  }
  // A passage of another tab added to the question: that tab comes to the front, in a focused window.
  if (req.focus && url && documentOf(url) === documentOf(req.url)) await bringToFront(req.tabId, windowId);
  // No URL means no access to the tab any more (activeTab lapsed), so nothing could be shown there.
  if (!url) return BLOCKED;
  if (documentOf(url) !== documentOf(req.url)) return MOVED;
  // The viewer path (which reloads the tab) only for a tab that really shows a PDF: a page number alone proves
  // nothing, and an ordinary page is highlighted in place.
  const pdf = pdfUrlOf(url) ?? (req.page !== undefined && (await isPdfByContentType(url, deps.fetchImpl).catch(() => false)) ? url : null);
  if (pdf) {
    return openPdfAt(req.tabId, url, documentOf(url), req.page ?? 1, deps.firefox ?? !!import.meta.env.FIREFOX);
  }
  if (isRestrictedUrl(url)) return BLOCKED;
  let found: InjectedCite | null | undefined;
  try {
    const target = { tabId: req.tabId };
    const call = async () =>
      (await browser.scripting.executeScript({ target, func: callInstalledCite, args: [req.quote, req.at] }))[0]?.result as InjectedCite | null | undefined;
    found = await call();
    // First citation in this document: style the highlight and install the finder. Later ones reuse both, so a
    // huge page is not restyled on every click (a new style sheet costs a full style recalculation).
    if (found == null) {
      await browser.scripting.insertCSS({ target, css: HIGHLIGHT_CSS });
      await browser.scripting.executeScript({ target, files: ['/cite-highlighter.js'] });
      found = await call();
    }
  } catch (error) {
    return classifyInjectionError(error instanceof Error ? error.message : String(error)) === 'no-tab' ? MOVED : BLOCKED;
  }
  // Nothing installed means the document was swapped between the two injections.
  if (!found || typeof found !== 'object') return MOVED;
  if (typeof found.url === 'string' && documentOf(found.url) !== documentOf(req.url)) return MOVED;
  return found.found && (found.how === 'highlight' || found.how === 'overlay') ? { ok: true, how: found.how } : GONE;
}

/**
 * Both viewers open at `#page=N`, but only Firefox's pdf.js follows a later
 * change of the hash (hashchange); Chrome's viewer reads it once, when it
 * loads, so there the tab is reloaded at the new URL. A repeated click on the
 * same page changes no hash, so it reloads in Firefox too.
 */
async function openPdfAt(tabId: number, tabUrl: string, pdfUrl: string, page: number, firefox: boolean): Promise<CiteResult> {
  const target = `${pdfUrl}#page=${page}`;
  try {
    await browser.tabs.update(tabId, { url: target });
    if (!firefox || tabUrl === target) {
      // A reload issued before the new hash is committed would reload the old URL.
      await untilTabUrl(tabId, target);
      await browser.tabs.reload(tabId);
    }
    return { ok: true, how: 'pdf-page' };
  } catch (error) {
    return classifyInjectionError(error instanceof Error ? error.message : String(error)) === 'no-tab' ? MOVED : BLOCKED;
  }
}

/** Waits (at most about a second) for the tab to report `url`. */
async function untilTabUrl(tabId: number, url: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if ((await browser.tabs.get(tabId)).url === url) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Makes the tab the active one of its window and focuses that window (best effort: the highlight follows either way). */
async function bringToFront(tabId: number, windowId: number | undefined): Promise<void> {
  await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
  if (windowId !== undefined) await browser.windows.update(windowId, { focused: true }).catch(() => undefined);
}
