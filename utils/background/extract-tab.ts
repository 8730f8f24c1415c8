import { browser } from 'wxt/browser';
import type { ExtractFailureReason, ExtractResult, SameReading, VideoChoice } from '../messaging/types';
import type { PageContent } from '../sources/types';
import { isPdfByContentType, pdfUrlOf } from '../documents/pdf-tab';
import { callLeftReader, readerSlot } from '../extract/reader-slot';
import { unreadableReason } from '../sources/readable-url';
import { videoOf } from '../video/video-url';
import { readVideoTab } from './video-tab';

/**
 * True when the browser will not let Moonlit read this page, so the panel can
 * say so without trying. An unknown URL is not restricted: injection decides.
 */
export function isRestrictedUrl(url: string | undefined, ownOrigin = browser.runtime.getURL('/')): boolean {
  return unreadableReason(url, ownOrigin) !== null;
}

/** Reads the page in a tab by injecting the content script (activeTab or a granted host permission). */
export async function extractTab(tabId: number, known?: string, choice?: VideoChoice): Promise<ExtractResult> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch (error) {
    readerLeftIn.delete(tabId);
    return { ok: false, reason: 'no-tab', detail: messageOf(error) };
  }
  // A PDF in either browser's viewer: the panel reads it itself (Firefox's viewer refuses scripts).
  const pdfUrl = pdfUrlOf(url);
  if (pdfUrl) return { ok: 'pdf', url: pdfUrl };
  if (isRestrictedUrl(url)) return { ok: false, reason: 'restricted', url };
  if (url?.startsWith('file:') && !(await fileAccessAllowed())) {
    return { ok: false, reason: 'restricted', url, detail: 'file-access' };
  }
  // A video page: its source is the video's transcript (video-tab.ts), read in the page like the page itself.
  const video = url ? videoOf(url) : null;
  if (video) {
    readerLeftIn.delete(tabId);
    return readVideoTab(tabId, url!, video, known, choice).catch((error) => ({
      ok: false,
      reason: classifyInjectionError(messageOf(error)),
      url,
      detail: messageOf(error),
    }));
  }
  let page: unknown;
  try {
    page = await runReader(tabId, known);
  } catch (error) {
    readerLeftIn.delete(tabId);
    const detail = messageOf(error);
    const reason = classifyInjectionError(detail);
    return reason !== 'no-tab' && (await servesPdf(url)) ? { ok: 'pdf', url: url! } : { ok: false, reason, url, detail };
  }
  if (isSameReading(page)) return sameResult(page);
  if (!isPageContent(page)) {
    readerLeftIn.delete(tabId);
    return { ok: false, reason: 'injection-failed', url, detail: 'The page script returned nothing.' };
  }
  readerLeftIn.add(tabId);
  if (!page.text.trim() && !page.selection.trim()) {
    return (await servesPdf(url)) ? { ok: 'pdf', url: url! } : { ok: false, reason: 'empty', url: page.url || url };
  }
  return { ok: true, page };
}

/**
 * A question's check of a page the panel read before (utils/background/tab-sources.ts): the reader left in
 * that very document answers at once, without tabs.get first; only it can say "same". It is asked even when
 * this worker did not leave it there (a restarted worker forgets): the panel's reading says it is there.
 * Any other answer from it is a new reading of the same document. No reader (another document), or a
 * refusal: the full path.
 */
export async function recheckTab(tabId: number, known: string): Promise<ExtractResult> {
  // No reader there (another document) or a refusal: the full path, which injects the script without asking again.
  return (await readLeftReader(tabId, known)) ?? extractTab(tabId, known);
}

/** recheckTab without the full path: undefined when no reader left in the tab's document answers. */
export async function readLeftReader(tabId: number, known: string): Promise<ExtractResult | undefined> {
  // A video's reading is checked by reading the video again (extractTab): a page reader left in the document
  // from before an in-page navigation would answer with the page around the video.
  if (known.startsWith('video:')) return undefined;
  const result = await callReaderIn(tabId, known).catch(() => null);
  const found = isSameReading(result)
    ? sameResult(result)
    : isPageContent(result) && (result.text.trim() || result.selection.trim())
      ? ({ ok: true, page: result } as const)
      : undefined;
  if (found) readerLeftIn.add(tabId);
  else readerLeftIn.delete(tabId);
  return found;
}

/**
 * Tabs whose page got the page reader from this worker. Only a hint (a cache
 * lost with the worker): the page may have navigated since, and then the
 * reader is simply injected again.
 */
const readerLeftIn = new Set<number>();

/**
 * The page reader's result. A page it already read still holds the reader,
 * and calling that skips loading and compiling the whole script again, which
 * every question would otherwise pay for.
 */
async function runReader(tabId: number, known?: string): Promise<unknown> {
  if (readerLeftIn.has(tabId)) {
    const again = await callReaderIn(tabId, known);
    if (again != null) return again;
  }
  const [first] = await browser.scripting.executeScript({ target: { tabId }, files: ['/page-reader.js'] });
  return first?.result;
}

/** What the reader left in the tab's page answers; null when that document has none. */
async function callReaderIn(tabId: number, known?: string): Promise<unknown> {
  const [again] = await browser.scripting.executeScript({ target: { tabId }, func: callLeftReader, args: [readerSlot(ownVersion()), known ?? null] });
  return again?.result ?? null;
}

function sameResult({ same, selection, selectionContext }: SameReading): ExtractResult {
  return { ok: 'same', same, selection, ...(typeof selectionContext === 'string' ? { selectionContext } : {}) };
}

/**
 * A PDF whose URL does not end in ".pdf" reads as an empty page (Chrome) or
 * refuses the script (Firefox): only then is the server asked for its type.
 */
async function servesPdf(url: string | undefined): Promise<boolean> {
  return !!url && /^https?:/i.test(url) && (await isPdfByContentType(url).catch(() => false));
}

/** Maps the browsers' refusal messages (Chrome and Firefox word them differently) to a reason. */
export function classifyInjectionError(message: string): ExtractFailureReason {
  if (/no tab with id|invalid tab id|tab was closed|no tab found/i.test(message)) return 'no-tab';
  if (/cannot be scripted|chrome:\/\/ url|different extension|extensions gallery|cannot access a chrome/i.test(message)) {
    return 'restricted';
  }
  if (/cannot access contents of|must request permission|missing host permission|activeTab/i.test(message)) {
    return 'no-permission';
  }
  return 'injection-failed';
}

async function fileAccessAllowed(): Promise<boolean> {
  try {
    return (await browser.extension.isAllowedFileSchemeAccess?.()) ?? false;
  } catch {
    return false;
  }
}

function isSameReading(value: unknown): value is SameReading {
  const v = value as SameReading | null;
  return !!v && typeof v === 'object' && typeof v.same === 'string' && typeof v.selection === 'string';
}

function isPageContent(value: unknown): value is PageContent {
  const v = value as PageContent | null;
  return !!v && typeof v === 'object' && typeof v.text === 'string' && typeof v.selection === 'string';
}

function ownVersion(): string {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return ''; // test doubles without a manifest
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
