import type { PageContent } from '../messaging/types';

/**
 * Simple extractor: the main text of the page. The extraction issue replaces
 * this with Readability, fallbacks and site adapters.
 */
export function extractPage(doc: Document, win: Window): PageContent {
  const root =
    doc.querySelector('article') ?? doc.querySelector('main') ?? doc.querySelector('[role=main]') ?? doc.body;
  const text = (root as HTMLElement | null)?.innerText ?? root?.textContent ?? '';
  const selection = win.getSelection()?.toString() ?? '';
  return {
    url: doc.location?.href ?? '',
    title: doc.title,
    text: text.replace(/\n{3,}/g, '\n\n').trim(),
    selection: selection.trim(),
    lang: doc.documentElement.lang || undefined,
    source: 'simple',
  };
}
