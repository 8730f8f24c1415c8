import { readArticle } from './readable';
import { fallbackText } from './fallback';
import { toMarkdown } from './markdown';
import { blocksText, type Blocks } from './block-reading';
import { SITE_ADAPTERS } from './sites';

/** Below this many characters the article extractor is taken to have missed. */
export const TOO_LITTLE = 250;

export interface MainText {
  title: string;
  text: string;
  /** 'site:<id>', 'readability' or 'fallback'. */
  source: string;
  lang?: string;
  /** The live element the text was read from, when one holds all of it (its changes are the text's changes). */
  from?: Element;
  /** The text as `from`'s blocks, when it is exactly them: a change can then be read block by block. */
  blocks?: Blocks;
}

/** The page's main content as Markdown-like text: site adapter, then Readability, then landmarks. */
export function extractMain(doc: Document, win: Window): MainText {
  const site = fromAdapters(doc, win);
  if (site) return site;
  let article: ReturnType<typeof readArticle> = null;
  try {
    article = readArticle(doc);
  } catch {
    // A page odd enough to break Readability still has text worth reading.
  }
  const text = article ? toMarkdown(article.root) : '';
  if (text.length >= TOO_LITTLE) {
    // Checked, not assumed: the blocks are kept only when they make exactly this text.
    const blocks = article?.blocks && blocksText(article.blocks) === text ? article.blocks : undefined;
    return { title: article?.title || doc.title, text, source: 'readability', lang: article?.lang, from: article?.from, ...(blocks ? { blocks } : {}) };
  }
  // Readability's output for a page this thin is usually the raw body, furniture included.
  const fallback = fallbackText(doc);
  return fallback.trim() ? { title: doc.title, text: fallback, source: 'fallback' } : { title: article?.title || doc.title, text, source: 'readability' };
}

function fromAdapters(doc: Document, win: Window): MainText | null {
  let url: URL;
  try {
    url = new URL(doc.location?.href ?? '');
  } catch {
    return null;
  }
  for (const adapter of SITE_ADAPTERS) {
    if (!adapter.matches(url, doc)) continue;
    try {
      const found = adapter.extract(doc, win);
      if (found?.text.trim()) return { title: found.title || doc.title, text: found.text.trim(), source: `site:${adapter.id}` };
    } catch {
      // A changed site layout must not break reading the page: fall through to the generic path.
    }
  }
  return null;
}
