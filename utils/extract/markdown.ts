import { renderTable } from './markdown-table';
import { walkChildren } from './flat-children';
import { trimLineEnds } from '../text/line-ends';

/**
 * DOM → Markdown-like text. Keeps what helps a model read the page (headings,
 * lists, tables, code, links) and drops styling, images and form controls,
 * which only cost tokens.
 */
export interface MarkdownOptions {
  /** Elements to leave out entirely (boilerplate in the fallback path). */
  skip?: (el: Element) => boolean;
}

const BLOCK = new Set(
  (
    'P DIV SECTION ARTICLE MAIN HEADER FOOTER ASIDE NAV FIGURE FIGCAPTION BLOCKQUOTE UL OL LI DL DT DD PRE ' +
    'TABLE H1 H2 H3 H4 H5 H6 HR FORM FIELDSET ADDRESS DETAILS SUMMARY CENTER TR TD TH BODY HTML IFRAME FRAME'
  ).split(' '),
);
const DROP = new Set(
  (
    'SCRIPT STYLE NOSCRIPT TEMPLATE SVG CANVAS IMG PICTURE VIDEO AUDIO SOURCE TRACK OBJECT EMBED INPUT SELECT ' +
    'TEXTAREA BUTTON OPTION HEAD LINK META MATH DIALOG'
  ).split(' '),
);

export function toMarkdown(root: Node, options: MarkdownOptions = {}): string {
  return tidyText(blocks(root, options));
}

/** The children of `node` as text: block children separated by blank lines. */
export function blocks(node: Node, o: MarkdownOptions): string {
  const parts: string[] = [];
  let run = '';
  const flush = () => {
    const t = run.trim();
    if (t) parts.push(t);
    run = '';
  };
  walkChildren(node, (child) => {
    if (child.nodeType === 3) {
      run += (child.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (child.nodeType !== 1) return;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (DROP.has(tag) || o.skip?.(el)) return;
    if (tag === 'BR') {
      run += '\n';
    } else if (BLOCK.has(tag)) {
      flush();
      const b = block(el, tag, o);
      if (b) parts.push(b);
    } else {
      run += inline(el, tag, o);
    }
  });
  flush();
  return parts.join('\n\n');
}

/** One block element as `blocks` renders it among its siblings (before the final clean-up of the whole text). */
export const blockText = (el: Element): string => block(el, el.tagName.toUpperCase(), {});

/** Whether `blocks` renders this element as a block of its own (rather than as part of a line). */
export const isBlockTag = (el: Element): boolean => BLOCK.has(el.tagName.toUpperCase());

/** The final clean-up `toMarkdown` gives the joined blocks. */
export const tidyText = (text: string): string =>
  trimLineEnds(text)
    .replace(/\n{3,}/g, '\n\n')
    .trim();

function block(el: Element, tag: string, o: MarkdownOptions): string {
  switch (tag) {
    case 'H1':
    case 'H2':
    case 'H3':
    case 'H4':
    case 'H5':
    case 'H6': {
      const t = oneLine(blocks(el, o));
      return t ? `${'#'.repeat(Number(tag[1]))} ${t}` : '';
    }
    case 'UL':
    case 'OL':
      return list(el, tag === 'OL', o);
    case 'PRE':
      return fence(el);
    case 'TABLE':
      return renderTable(el, o);
    case 'BLOCKQUOTE':
      return prefixLines(blocks(el, o), '> ');
    case 'HR':
      return '---';
    default:
      return blocks(el, o);
  }
}

function inline(el: Element, tag: string, o: MarkdownOptions): string {
  if (tag === 'CODE' || tag === 'KBD' || tag === 'SAMP') {
    const t = (el.textContent ?? '').replace(/\s+/g, ' ');
    return t.trim() ? '`' + t + '`' : t;
  }
  const inner = blocks(el, o);
  if (tag !== 'A') return spaced(el, inner);
  const href = el.getAttribute('href') ?? '';
  // A link wrapped around a heading (story teasers) keeps its words, not the '#'.
  const text = oneLine(inner).replace(/(^|\s)#{1,6}\s/g, '$1');
  if (!text || !/^https?:/i.test(href)) return spaced(el, inner);
  // Resolved against the page so relative links still work for the model.
  const url = (el as HTMLAnchorElement).href || href;
  return spaced(el, url === text ? url : `[${text.replace(/[[\]]/g, '')}](${url})`);
}

/** Keeps the spaces the source had around an inline element. */
function spaced(el: Element, text: string): string {
  const before = /^\s/.test(el.firstChild?.nodeValue ?? '') ? ' ' : '';
  const after = /\s$/.test(el.lastChild?.nodeValue ?? '') ? ' ' : '';
  return before + text.trim() + after;
}

function list(el: Element, ordered: boolean, o: MarkdownOptions): string {
  const items: string[] = [];
  let n = Number(el.getAttribute('start')) || 1;
  walkChildren(el, (child) => {
    if (child.nodeType !== 1) return;
    const li = child as Element;
    if (o.skip?.(li)) return;
    const body = blocks(li, o).replace(/\n{2,}/g, '\n');
    if (!body.trim()) return;
    const marker = ordered ? `${n++}. ` : '- ';
    items.push(marker + body.split('\n').join('\n' + ' '.repeat(marker.length)));
  });
  return items.join('\n');
}

function fence(el: Element): string {
  const code = (el.textContent ?? '').replace(/^\n+/, '').trimEnd();
  if (!code) return '';
  const cls = `${el.className} ${el.querySelector('code')?.className ?? ''}`;
  const lang = /(?:language|lang)-([\w+#-]+)/.exec(cls)?.[1] ?? '';
  const tick = code.includes('```') ? '~~~~' : '```';
  return `${tick}${lang}\n${code}\n${tick}`;
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function prefixLines(text: string, prefix: string): string {
  return text
    ? text
        .split('\n')
        .map((l) => prefix + l)
        .join('\n')
    : '';
}
