import DOMPurify from 'dompurify';
import type { Config, DOMPurify as Purifier } from 'dompurify';
import { safeHref } from './safe-url';

/**
 * The sanitizer every piece of rendered model output passes through, bound to the
 * window it renders into (the panel page, or happy-dom in tests). A strict allow-list:
 * no style, no forms, no embedded content, no SVG/MathML, no event handlers.
 */
const TEXT_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'span',
  'div',
];
const TEXT_ATTRS = ['href', 'title', 'class', 'start', 'align', 'data-tex'];

/** KaTeX's MathML output (output: 'mathml'); never from the model's text directly. */
const MATH_TAGS = [
  'span',
  'math',
  'semantics',
  'annotation',
  'mrow',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'mlabeledtr',
  'merror',
];
const MATH_ATTRS = [
  'class',
  'xmlns',
  'display',
  'encoding',
  'mathvariant',
  'displaystyle',
  'scriptlevel',
  'stretchy',
  'fence',
  'separator',
  'lspace',
  'rspace',
  'width',
  'height',
  'depth',
  'voffset',
  'columnalign',
  'rowalign',
  'rowspacing',
  'columnspacing',
  'rowlines',
  'columnlines',
  'frame',
  'accent',
  'accentunder',
  'minsize',
  'maxsize',
  'linethickness',
  'notation',
  'movablelimits',
  'symmetric',
  'largeop',
  'mathcolor',
  'title',
  'aria-hidden',
];

// href is judged by safeHref in the hook below (absolute http/https/mailto only).
const COMMON: Config = {
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM_FRAGMENT: true,
};
const TEXT_CONFIG: Config = { ...COMMON, ALLOWED_TAGS: TEXT_TAGS, ALLOWED_ATTR: TEXT_ATTRS };
// Parsed as XHTML: KaTeX's MathML is well-formed XML with explicit namespaces, so every DOM
// (including test DOMs whose HTML parser has no MathML rules) gets the right element types.
const MATH_CONFIG: Config = {
  ...COMMON,
  ALLOWED_TAGS: MATH_TAGS,
  ALLOWED_ATTR: MATH_ATTRS,
  ALLOW_ARIA_ATTR: true,
  PARSER_MEDIA_TYPE: 'application/xhtml+xml',
};

/** Our own class names and marked's `language-…`; anything else is dropped. */
const CLASS_OK = /^(?:md-[a-z-]+|language-[\w+#.-]{1,40}|katex[\w-]*|mord|mrel|mbin|mop|mpunct|mopen|mclose)$/;

export interface Sanitizer {
  /** Rendered Markdown HTML → a safe fragment owned by the target document. */
  markdown(html: string): DocumentFragment;
  /** KaTeX MathML → a safe fragment. */
  math(html: string): DocumentFragment;
}

const cache = new WeakMap<object, Sanitizer>();

export function sanitizerFor(win: Window): Sanitizer {
  let sanitizer = cache.get(win);
  if (!sanitizer) {
    sanitizer = create(win);
    cache.set(win, sanitizer);
  }
  return sanitizer;
}

function create(win: Window): Sanitizer {
  const purify: Purifier = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  if (!purify.isSupported) throw new Error('DOMPurify is not supported in this window');
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (!el.getAttribute) return;
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name) || attr.name === 'style' || attr.name === 'src') el.removeAttribute(attr.name);
    }
    const cls = el.getAttribute('class');
    if (cls !== null) {
      const kept = cls
        .split(/\s+/)
        .filter((c) => CLASS_OK.test(c))
        .join(' ');
      if (kept) el.setAttribute('class', kept);
      else el.removeAttribute('class');
    }
    if (el.hasAttribute('href')) {
      const href = el.localName === 'a' ? safeHref(el.getAttribute('href') ?? '') : null;
      if (href === null) el.removeAttribute('href');
      else el.setAttribute('href', href);
    }
    if (el.localName === 'a' && el.hasAttribute('href')) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    } else {
      el.removeAttribute('target');
      el.removeAttribute('rel');
    }
  });
  return {
    markdown: (html) => plainParagraph(html, win.document) ?? (purify.sanitize(html, TEXT_CONFIG) as unknown as DocumentFragment),
    math: (html) => purify.sanitize(html, MATH_CONFIG) as unknown as DocumentFragment,
  };
}

/** One paragraph of text and nothing else, with only the entities marked writes when it escapes text. */
const PLAIN_PARAGRAPH = /^<p>((?:[^<>&]|&(?:amp|lt|gt|quot|#39);)*)<\/p>(\n?)$/;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The streaming tail is most often one paragraph of plain text (the first token always is): built as a
 * <p> holding a text node, the same DOM the sanitizer would give, without parsing a document for it.
 * Anything else (a tag, another entity) returns null and goes through the sanitizer.
 */
export function plainParagraph(html: string, doc: Document): DocumentFragment | null {
  const m = PLAIN_PARAGRAPH.exec(html);
  if (!m) return null;
  const fragment = doc.createDocumentFragment();
  const p = doc.createElement('p');
  p.textContent = m[1].replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);
  fragment.append(p);
  if (m[2]) fragment.append(doc.createTextNode(m[2]));
  return fragment;
}
