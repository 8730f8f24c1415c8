import { Readability } from '@mozilla/readability';
import { cloneForExtraction } from './clone';
import { JUNK_TAGS, OUTER_CHROME, stripJunk } from './boilerplate';
import { cleanArticle } from './article-cleanup';

export interface Readable {
  title: string;
  root: Element;
  lang?: string;
}

/** Readability on a copy of the page (it edits what it reads); null when it finds no article. */
export function readArticle(doc: Document): Readable | null {
  const copy = cloneForExtraction(doc);
  // Less to walk: Readability scores every node, and none of these hold article text.
  if (copy.body) stripJunk(copy.body, `${JUNK_TAGS}, ${OUTER_CHROME}`);
  const article = new Readability<Node>(copy, { serializer: (n) => n, keepClasses: true }).parse();
  const root = article?.content as Element | null | undefined;
  if (!article || !root) return null;
  cleanArticle(root);
  return { title: article.title ?? '', root, lang: article.lang ?? undefined };
}
