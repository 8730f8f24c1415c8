import { t } from '@/utils/i18n';
import { findMarkers, partialMarkerLength } from '@/utils/citations/markers';

/** Which passage numbers are real for this answer. */
export interface CiteContext {
  has(n: number): boolean;
  /** The answer is about a video: `[4:05]` moments become buttons that play it from there (moment-links.ts). */
  moments?: boolean;
  /** The video's length in seconds, when known: a moment past it is shown as text, not a button. */
  momentsEnd?: number;
}

/** Markers inside code, links and math are the model quoting text, not citing. */
const SKIP = 'code, pre, a, .md-math, .md-code';

/**
 * Turns `[P3]` markers in a sanitised fragment into small numbered buttons,
 * built here with createElement (never from model text). A marker naming no
 * real passage is dropped. While streaming, an unfinished marker at the very
 * end is hidden so "[P1" never flashes before its "2]" arrives.
 */
export function linkCitations(root: DocumentFragment | Element, doc: Document, cites: CiteContext | undefined, streaming: boolean): void {
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  // The last text with words in it (marked ends blocks with a newline node).
  const last = streaming ? texts.findLast((n) => n.data.trim()) : undefined;
  if (last && !last.parentElement?.closest(SKIP)) {
    const body = last.data.trimEnd();
    const cut = partialMarkerLength(body);
    if (cut) last.data = body.slice(0, -cut) + last.data.slice(body.length);
  }
  for (const node of texts) {
    if (!/[[【]/.test(node.data) || node.parentElement?.closest(SKIP)) continue;
    replaceMarkers(node, doc, cites);
  }
}

function replaceMarkers(node: Text, doc: Document, cites: CiteContext | undefined): void {
  const text = node.data;
  const out = doc.createDocumentFragment();
  let at = 0;
  let changed = false;
  for (const m of findMarkers(text)) {
    changed = true;
    const known = m.numbers.filter((n) => cites?.has(n));
    // Drop the space before a marker that disappears, so no gap is left before punctuation.
    let before = text.slice(at, m.index);
    if (!known.length && before.endsWith(' ')) before = before.slice(0, -1);
    out.append(before);
    if (known.length) out.append(citeGroup(doc, known));
    at = m.index + m.text.length;
  }
  if (!changed) return;
  out.append(text.slice(at));
  node.replaceWith(out);
}

function citeGroup(doc: Document, numbers: number[]): HTMLElement {
  const sup = doc.createElement('sup');
  sup.className = 'md-cites';
  for (const n of numbers) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'md-cite';
    button.dataset.cite = String(n);
    button.textContent = String(n);
    button.setAttribute('aria-label', t('citeSource', String(n)));
    sup.append(button);
  }
  return sup;
}
