import { cleanArticle } from './article-cleanup';
import { blockText, isBlockTag, tidyText } from './markdown';

/**
 * A reading's text as the blocks of the live element it came from, so that after a change in that element
 * only the blocks that changed are read again (a 100 KB article takes tens of milliseconds to read whole,
 * one paragraph well under one). Kept only where the text is exactly those blocks in order, and a changed or
 * new block is read here only when it is plain enough that Readability and the clean-up would keep it as it
 * is; anything else makes the caller read the page whole.
 */
export interface Blocks {
  /** The live element whose children are the blocks (the main text's element). */
  container: Element;
  /** Each live element child's rendered block, '' for one the reading left out. */
  parts: Map<Node, string>;
}

/** Readability's wrappers between its root and the article's element: rendered as their children alone. */
const WRAPPERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN']);
/** Blocks Readability and cleanArticle keep as they are (no H1/H2: they feed the title and its de-duplication). */
const PLAIN_BLOCKS = new Set(['P', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);
const PLAIN_INLINE = new Set(['B', 'STRONG', 'I', 'EM', 'CODE', 'SPAN', 'SUB', 'SUP', 'MARK', 'SMALL', 'S', 'U', 'Q', 'ABBR', 'CITE', 'KBD', 'SAMP', 'VAR']);

/**
 * The blocks of a full reading: `root` is Readability's (cleaned) copy, `live` maps its elements to the page's,
 * `container` is the live element the text came from. Undefined unless the copy is wrappers down to the
 * container's copy, whose children are block elements copied from the container's children, in order.
 */
export function blocksOf(root: Element, live: Map<Element, Element>, container: Element): Blocks | undefined {
  let copy: Element | undefined = root;
  while (copy && live.get(copy) !== container) copy = WRAPPERS.has(copy.tagName) ? onlyElementChild(copy) : undefined;
  if (!copy || !WRAPPERS.has(copy.tagName)) return undefined;
  const parts = new Map<Node, string>();
  let last = -1;
  for (const child of Array.from(copy.childNodes)) {
    if (child.nodeType === 3 && child.nodeValue?.trim()) return undefined;
    if (child.nodeType !== 1) continue;
    const from = live.get(child as Element);
    const at = from ? Array.prototype.indexOf.call(container.childNodes, from) : -1;
    if (!from || at <= last || !isBlockTag(child as Element)) return undefined;
    last = at;
    parts.set(from, blockText(child as Element));
  }
  for (const n of Array.from(container.childNodes)) {
    if (n.nodeType === 3 && n.nodeValue?.trim()) return undefined; // words the copy does not hold as a block
    if (n.nodeType === 1 && !parts.has(n)) parts.set(n, '');
  }
  return { container, parts };
}

/** The text the blocks make, as `toMarkdown` makes it from the whole copy. */
export const blocksText = (b: Blocks): string => tidyText(Array.from(b.parts.values()).filter(Boolean).join('\n\n'));

/** Which block a mutation of `target` changed; 'all' when it touched the container itself (beyond its list of children). */
export function changedBlock(b: Blocks, target: Node, type: string): Node | 'all' | undefined {
  if (target === b.container) return type === 'childList' ? undefined : 'all';
  let n: Node | null = target;
  while (n && n.parentNode !== b.container) n = n.parentNode;
  return n ?? undefined; // outside the container now: taken out, which its old parent's record says
}

/**
 * The blocks after a change: known blocks not in `changed` are kept, the rest read again. Undefined when a
 * changed or new block is not plain (then only a full read can say what it adds). `churn`: how many characters
 * of text were read again or dropped.
 */
export function updateBlocks(b: Blocks, changed: ReadonlySet<Node>): { blocks: Blocks; text: string; churn: number } | undefined {
  const parts = new Map<Node, string>();
  let churn = 0;
  for (const n of Array.from(b.container.childNodes)) {
    const known = b.parts.get(n);
    if (n.nodeType === 3 && n.nodeValue?.trim()) return undefined;
    if (n.nodeType !== 1) continue;
    if (known !== undefined && !changed.has(n)) {
      parts.set(n, known);
      continue;
    }
    const fresh = plainBlockText(n as Element);
    if (fresh === undefined) return undefined;
    churn += (known?.length ?? 0) + fresh.length;
    parts.set(n, fresh);
  }
  for (const [n, text] of b.parts) if (!parts.has(n)) churn += text.length;
  const blocks = { container: b.container, parts };
  return { blocks, text: blocksText(blocks), churn };
}

/** A block as the full reading would render it, or undefined when it is not plain. */
function plainBlockText(el: Element): string | undefined {
  if (!PLAIN_BLOCKS.has(el.tagName) || !isPlain(el)) return undefined;
  // The same clean-up the full reading gives the article (a "Read more" teaser goes): on a copy, in a wrapper.
  const wrapper = el.ownerDocument.createElement('div');
  wrapper.append(el.cloneNode(true));
  cleanArticle(wrapper);
  const kept = wrapper.firstElementChild;
  return kept ? blockText(kept) : '';
}

/** No attributes (but an absolute link's), no shadow root, and only plain tags inside: nothing Readability weighs. */
function isPlain(el: Element): boolean {
  for (const e of [el, ...Array.from(el.querySelectorAll('*'))]) {
    const tag = e.tagName;
    const link = tag === 'A' && e.attributes.length === 1 && /^https?:\/\//i.test(e.getAttribute('href') ?? '');
    if (e.shadowRoot || (!link && e.attributes.length)) return false;
    if (e !== el && !link && !PLAIN_INLINE.has(tag) && !(tag === 'P' && el.tagName === 'BLOCKQUOTE')) return false;
  }
  return true;
}

function onlyElementChild(el: Element): Element | undefined {
  let only: Element | undefined;
  for (const n of Array.from(el.childNodes)) {
    if (n.nodeType === 3 && n.nodeValue?.trim()) return undefined;
    if (n.nodeType !== 1) continue;
    if (only) return undefined;
    only = n as Element;
  }
  return only;
}
