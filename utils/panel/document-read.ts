import type { KimiFailure } from '../kimi/types';
import type { PageContent } from '../sources/types';
import type { OcrResult } from '../messaging/protocol';
import { asksForPassword } from '../documents/messages';
import { DocumentError, type DocFailure, type PdfResult } from '../documents/types';
import { hasTextlessPages, nextRun, withRecognised, type PagesOcr } from './textless-pages';

/** Where reading a PDF tab stopped, and what the panel asks the user for. */
export type DocState =
  | { step: 'password'; url: string; wrong: boolean }
  /** No usable text layer: uploading to Kimi for recognition needs a yes first. */
  | { step: 'consent'; url: string; name: string }
  | { step: 'failed'; url: string; failure: DocFailure; kimiFailure?: KimiFailure };

export type PdfRead = { ok: true; page: PageContent; pdf?: PdfResult } | { ok: false; doc: DocState };

export interface PdfReadOptions {
  password?: string;
  /** The user agreed to the upload for text recognition. */
  ocr?: boolean;
  /** The user asked to recognise the text of the pages that have none (a PDF that is only partly scanned). */
  ocrPages?: boolean;
  /** Read the document again instead of reusing what was read. */
  fresh?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/** The parts that touch the network, pdf.js and the worker; tests pass their own. */
export interface PdfReadDeps {
  fetchBytes(url: string): Promise<Uint8Array>;
  extract(bytes: Uint8Array, opts: { password?: string; onProgress?: (done: number, total: number) => void }): Promise<PdfResult>;
  /** Text Kimi already extracted from these bytes (the local cache), or null. */
  cachedText(bytes: Uint8Array): Promise<string | null>;
  ocr(bytes: Uint8Array, name: string): Promise<OcrResult>;
  /** Text recognition of some pages (1-based) only; stops at the first failure, keeping the pages done. */
  ocrPages(bytes: Uint8Array, pages: number[], name: string, password?: string): Promise<PagesOcr>;
  /** Why a file:// PDF can't be read here (file access off, Firefox), or null; checked before fetching. */
  localBlocker?(url: string): Promise<DocFailure | null>;
}

// A question re-reads the page each time; a PDF does not change under the tab, so keep the last few.
const MEMO_SIZE = 4;
/** `recognised`: what text recognition found on pages without a text layer, by page. */
type Read = { page: PageContent; pdf?: PdfResult; recognised?: Map<number, string> };
const memo = new Map<string, Read>();
const passwords = new Map<string, string>();

function remember(url: string, value: Read): void {
  memo.delete(url);
  memo.set(url, value);
  while (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value!);
}

/** For tests: forget every PDF read and password given. */
export function forgetPdfReads(): void {
  memo.clear();
  passwords.clear();
}

/** "report.pdf" from the URL, for the title when the PDF has none and for the upload. */
export function pdfName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    if (last) return decodeURIComponent(last);
  } catch {
    /* fall through */
  }
  return 'document.pdf';
}

/**
 * The text of the PDF a tab shows, read in the panel (pdf.js runs in
 * extension pages only), with "--- Page N ---" markers. Scanned PDFs use the
 * cached recognition when there is one, and otherwise wait for consent.
 */
export async function readPdfTab(url: string, opts: PdfReadOptions, deps: PdfReadDeps): Promise<PdfRead> {
  const hit = memo.get(url);
  if (hit && !opts.fresh && !opts.password && !opts.ocr && !opts.ocrPages) return { ok: true, page: hit.page, pdf: hit.pdf };
  const name = pdfName(url);
  try {
    const blocked = await deps.localBlocker?.(url);
    if (blocked) return { ok: false, doc: { step: 'failed', url, failure: blocked } };
    const bytes = await deps.fetchBytes(url);
    const password = opts.password ?? passwords.get(url);
    const pdf = await deps.extract(bytes, { password, onProgress: opts.onProgress });
    if (password) passwords.set(url, password);
    let text = pdf.text;
    if (pdf.needsOcr) {
      const known = await deps.cachedText(bytes).catch(() => null);
      if (known) text = known;
      else if (!opts.ocr) return { ok: false, doc: { step: 'consent', url, name } };
      else {
        const done = await deps.ocr(bytes, name);
        if (!done.ok) return { ok: false, doc: { step: 'failed', url, failure: done.failure, kimiFailure: done.kimiFailure } };
        text = done.text;
      }
    }
    const page: PageContent = { url, title: pdf.title || name, text, selection: '', source: pdf.needsOcr ? 'pdf-ocr' : 'pdf' };
    if (hasTextlessPages(pdf)) {
      // Pages recognised before stay recognised, as long as the PDF is the same.
      const recognised = new Map(hit?.pdf?.text === pdf.text ? hit.recognised : undefined);
      let stopped: Omit<PagesOcr, 'texts'> | undefined;
      const todo = opts.ocrPages ? nextRun(pdf, recognised) : [];
      if (todo.length) {
        const run = await deps.ocrPages(bytes, todo, name, password);
        for (const [n, t] of run.texts) recognised.set(n, t.trim());
        if (run.failure) stopped = { failure: run.failure, kimiFailure: run.kimiFailure };
      }
      const merged = withRecognised(pdf, recognised, stopped);
      Object.assign(page, merged);
      remember(url, { page, pdf, recognised });
      return { ok: true, page, pdf };
    }
    remember(url, { page, pdf });
    return { ok: true, page, pdf };
  } catch (err) {
    const failure: DocFailure = err instanceof DocumentError ? err.failure : { reason: 'corrupt', detail: String(err) };
    if (asksForPassword(failure.reason)) {
      passwords.delete(url);
      return { ok: false, doc: { step: 'password', url, wrong: failure.reason === 'password-wrong' } };
    }
    return { ok: false, doc: { step: 'failed', url, failure } };
  }
}
