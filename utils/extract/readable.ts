import { Readability } from '@mozilla/readability';
import { cloneForExtraction } from './clone';
import { JUNK_TAGS, OUTER_CHROME, stripJunk } from './boilerplate';
import { cleanArticle } from './article-cleanup';
import { blocksOf, type Blocks } from './block-reading';

export interface Readable {
  title: string;
  root: Element;
  lang?: string;
  /** The element of the live page the article was read from, when known (its subtree holds the main text). */
  from?: Element;
  /** The text as that element's blocks, when it is exactly them (block-reading.ts). */
  blocks?: Blocks;
}

/** Readability on a copy of the page (it edits what it reads); null when it finds no article. */
export function readArticle(doc: Document): Readable | null {
  const copy = cloneForExtraction(doc);
  const live = liveElements(doc, copy);
  // Less to walk: Readability scores every node, and none of these hold article text.
  if (copy.body) stripJunk(copy.body, `${JUNK_TAGS}, ${OUTER_CHROME}`);
  const article = new Readability<Node>(copy, { serializer: (n) => n, keepClasses: true }).parse();
  const root = article?.content as Element | null | undefined;
  if (!article || !root) return null;
  cleanArticle(root);
  const from = live && commonAncestor(root, live);
  const blocks = from && live ? blocksOf(root, live, from) : undefined;
  return { title: article.title ?? '', root, lang: article.lang ?? undefined, from, ...(blocks ? { blocks } : {}) };
}

/**
 * Each element of the copy with the live element it was copied from, taken before anything edits the copy
 * (both bodies walked side by side). None when the copy grafted in shadow roots or frames: then the shapes differ.
 */
function liveElements(doc: Document, copy: Document): Map<Element, Element> | undefined {
  if (!doc.body || !copy.body || doc.body.getElementsByTagName('*').length !== copy.body.getElementsByTagName('*').length) return undefined;
  const map = new Map<Element, Element>();
  const a = doc.createTreeWalker(doc.body, 1);
  const b = copy.createTreeWalker(copy.body, 1);
  map.set(copy.body, doc.body);
  for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) map.set(y as Element, x as Element);
  return map;
}

/** The live element holding everything the article kept: the deepest common ancestor of the elements it came from. */
function commonAncestor(root: Element, live: Map<Element, Element>): Element | undefined {
  let common: Element | undefined;
  for (const el of Array.from(root.getElementsByTagName('*'))) {
    const from = live.get(el);
    if (!from) continue; // made by Readability (a retagged element): its children still count
    while (common && !common.contains(from)) common = common.parentElement ?? undefined;
    common ??= from;
  }
  return common;
}
