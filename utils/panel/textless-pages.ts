import type { KimiFailure } from '../kimi/types';
import type { TextlessPages } from '../sources/types';
import type { DocFailure, PdfResult } from '../documents/types';
import { joinPages } from '../documents/pdf-pages';

/** Pages recognised per click: a long scan is done in runs, and the notice says what is left. */
export const PAGES_PER_RUN = 20;

/** What recognising some pages gave: each page's text ('' when Kimi found none), and why it stopped early. */
export interface PagesOcr {
  texts: Map<number, string>;
  failure?: DocFailure;
  kimiFailure?: KimiFailure;
}

/**
 * A PDF with pages that have no text layer among pages that have one (a scan needing OCR as a whole goes
 * through consent instead): the text with what recognition found put back under each page's own marker,
 * and the pages still without text, so the panel says which.
 */
export function withRecognised(
  pdf: PdfResult,
  recognised: ReadonlyMap<number, string>,
  failed?: Omit<PagesOcr, 'texts'>,
): { text: string; textless: TextlessPages } {
  const pages = pdf.pages.map((p, i) => (recognised.get(i + 1) ? recognised.get(i + 1)! : p));
  const pending = pdf.emptyPages.filter((n) => !recognised.has(n));
  const empty = pdf.emptyPages.filter((n) => recognised.has(n) && !recognised.get(n));
  const failure = failed?.failure ? { failed: { failure: failed.failure, ...(failed.kimiFailure ? { kimiFailure: failed.kimiFailure } : {}) } } : {};
  return { text: joinPages(pages), textless: { pending, empty, ...failure } };
}

/** The next pages to recognise: those still pending, at most PAGES_PER_RUN. */
export const nextRun = (pdf: PdfResult, recognised: ReadonlyMap<number, string>): number[] =>
  pdf.emptyPages.filter((n) => !recognised.has(n)).slice(0, PAGES_PER_RUN);

/** Whether a read PDF has pages without text to tell about. */
export const hasTextlessPages = (pdf: PdfResult): boolean => !pdf.needsOcr && pdf.emptyPages.length > 0;
