import { t } from '@/utils/i18n';
import { loadKatex, loadedKatex, texToMathml } from '@/utils/markdown/katex-loader';
import { sanitizerFor } from '@/utils/markdown/sanitize';
import { linkCitations, type CiteContext } from './cite-links';
import { linkMoments } from './moment-links';

/**
 * Turns rendered Markdown HTML into DOM for one block: sanitised, then given our own
 * UI (code block header with the language and a Copy button), added after sanitising
 * so the sanitizer never has to allow buttons.
 */
export function buildFragment(html: string, doc: Document, caret: boolean, cites?: CiteContext): DocumentFragment {
  const win = doc.defaultView as Window;
  const fragment = sanitizerFor(win).markdown(html);
  // Most blocks have no bracket at all: skip the walk (it runs on the streaming tail every frame).
  if (/[[【]/.test(html)) linkCitations(fragment, doc, cites, caret);
  if (cites?.moments && /[[【]/.test(html)) linkMoments(fragment, doc, cites.momentsEnd);
  for (const pre of Array.from(fragment.querySelectorAll('pre'))) decorateCode(pre, doc);
  for (const image of Array.from(fragment.querySelectorAll('.md-image'))) {
    image.setAttribute('title', t('mdImageNotLoaded', image.textContent ?? ''));
  }
  upgradeMath(fragment, win);
  if (caret) addCaret(fragment, doc);
  return fragment;
}

/**
 * A block whose rendering failed (too deep, or the parser threw): its source as plain text, set with
 * textContent so nothing in it is ever read as markup, with a note saying why it looks plain.
 */
export function rawFragment(text: string, doc: Document): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const pre = doc.createElement('div');
  pre.className = 'md-raw';
  pre.title = t('mdRawBlock');
  pre.textContent = text;
  fragment.append(pre);
  return fragment;
}

/** buildFragment, or the raw text when building throws: one block never breaks the answer. */
export function safeFragment(html: string, raw: string, doc: Document, caret: boolean, cites?: CiteContext): DocumentFragment {
  try {
    return buildFragment(html, doc, caret, cites);
  } catch {
    return rawFragment(raw, doc);
  }
}

function decorateCode(pre: HTMLElement, doc: Document): void {
  const lang = /(?:^|\s)language-(\S+)/.exec(pre.querySelector('code')?.className ?? '')?.[1] ?? '';
  const box = doc.createElement('div');
  box.className = 'md-code';
  const head = doc.createElement('div');
  head.className = 'md-code-head';
  const label = doc.createElement('span');
  label.className = 'md-code-lang';
  label.textContent = lang;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'md-copy';
  button.textContent = t('mdCopy');
  button.setAttribute('aria-label', t('mdCopyCode'));
  head.append(label, button);
  pre.replaceWith(box);
  box.append(head, pre);
}

/** Math placeholders in `root` that have not been rendered yet. */
export function pendingMath(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('[data-tex]'));
}

/** Renders math placeholders with KaTeX if it is loaded; otherwise starts loading it. */
export function upgradeMath(root: ParentNode, win: Window): boolean {
  const pending = pendingMath(root);
  if (!pending.length) return false;
  const katex = loadedKatex();
  if (!katex) {
    void loadKatex();
    return true;
  }
  const sanitizer = sanitizerFor(win);
  for (const el of pending) {
    const tex = el.getAttribute('data-tex') ?? '';
    const mathml = texToMathml(katex, tex, el.classList.contains('md-math-display'));
    // Too big or deep to render: the source stays, as the text it already is.
    if (mathml !== null) el.replaceChildren(sanitizer.math(mathml));
    el.removeAttribute('data-tex');
    el.classList.add(mathml === null ? 'md-math-source' : 'md-math-done');
  }
  return false;
}

const DESCEND = /^(?:ul|ol|li|p|blockquote|table|thead|tbody|tr|td|th)$/;
const INLINE_HOSTS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'blockquote']);

/** A caret at the end of the streaming text: inside its last paragraph or item when there is one. */
function addCaret(fragment: DocumentFragment, doc: Document): void {
  const caret = doc.createElement('span');
  caret.className = 'md-caret';
  caret.setAttribute('aria-hidden', 'true');
  let host: Element | null = fragment.lastElementChild;
  while (host?.lastElementChild && DESCEND.test(host.lastElementChild.localName)) host = host.lastElementChild;
  if (host && INLINE_HOSTS.has(host.localName)) host.append(caret);
  else fragment.append(caret);
}
