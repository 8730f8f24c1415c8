import type { PageContent } from '../sources/types';
import { extractMain } from './main-text';
import type { Blocks } from './block-reading';
import { readSelection } from './selection';
import { waitForQuiet, type SettleOptions } from './settle';

/**
 * Everything Moonlit reads from a page, synchronously: the main content as
 * Markdown-like text (never truncated; the caller decides what fits) and the
 * user's selection with a little context.
 */
export function extractPage(doc: Document, win: Window): PageContent {
  const main = extractMain(doc, win);
  const { selection, selectionContext } = readSelection(doc, win);
  const page: PageContent = {
    url: doc.location?.href ?? '',
    title: main.title.trim() || doc.title,
    text: main.text,
    selection,
    ...(selectionContext ? { selectionContext } : {}),
    lang: doc.documentElement.lang || main.lang || undefined,
    source: main.source,
  };
  if (main.from) mainElements.set(page, main.from);
  if (main.blocks) mainBlocks.set(page, main.blocks);
  return page;
}

/**
 * The live element a reading's main text came from, beside the reading rather than in it (a reading is
 * data that crosses to the worker; an element cannot): the page reader watches only that subtree.
 */
const mainElements = new WeakMap<PageContent, Element>();
export const mainElementOf = (page: PageContent): Element | undefined => mainElements.get(page);
const mainBlocks = new WeakMap<PageContent, Blocks>();
/** The reading's text as its main element's blocks, when it is exactly them (block-reading.ts). */
export const mainBlocksOf = (page: PageContent): Blocks | undefined => mainBlocks.get(page);

/** extractPage once the DOM has stopped changing (bounded), for pages that render after load. */
/** Below this, a loaded page is probably an app still rendering its content. */
export const SETTLE_MIN_CHARS = 500;

/**
 * A loaded page with real text is read at once: waiting costs every question
 * time before the first token. Only a page still loading, or one that shows
 * almost nothing yet (an SPA rendering), waits for the DOM to go quiet.
 */
export async function extractWhenSettled(doc: Document, win: Window, options?: SettleOptions): Promise<PageContent> {
  if (doc.readyState === 'complete') {
    const now = extractPage(doc, win);
    if (now.text.length >= SETTLE_MIN_CHARS) return now;
  }
  await waitForQuiet(doc, win, options);
  return extractPage(doc, win);
}
