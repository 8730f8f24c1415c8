import type { DocFailure } from '../documents/types';
import type { KimiFailure } from '../kimi/types';

export interface PageContent {
  url: string;
  title: string;
  /** Main text as Markdown-like plain text. */
  text: string;
  /** The user's selection, empty when there is none. */
  selection: string;
  /** A little text around the selection, so a question about it has context. */
  selectionContext?: string;
  /** The document language (`<html lang>`), when the page declares one. */
  lang?: string;
  /** Which extractor or site adapter produced `text`. */
  source?: string;
  /** Names a reading the page reader keeps in the page (utils/extract/reuse.ts), so the next read can say "the same". */
  reading?: string;
  /** PDFs with some pages that have no text layer among pages that have one (utils/panel/textless-pages.ts). */
  textless?: TextlessPages;
}

/** A PDF's pages without text: never dropped silently, and offered to text recognition. */
export interface TextlessPages {
  /** 1-based pages with no text layer, not recognised yet. */
  pending: number[];
  /** Pages text recognition ran on and found no text either (blank pages, pictures). */
  empty: number[];
  /** Why the last recognition stopped, when it did (pages done before it are kept). */
  failed?: { failure: DocFailure; kimiFailure?: KimiFailure };
}
