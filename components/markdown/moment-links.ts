import { t } from '@/utils/i18n';
import { findTimeMarkers, formatTime } from '@/utils/video/timestamps';

/** Times inside code, links and math are the model quoting text, not citing a moment. */
const SKIP = 'code, pre, a, .md-math, .md-code, button';

/**
 * Turns `[4:05]` moments in a sanitised answer about a video into buttons that play the video from there,
 * built with createElement (never from model text). The scanner is linear (utils/video/timestamps.ts).
 * With the video's length known (`endSeconds`), a moment past it stays text, marked, with a tooltip saying
 * so: a button there would jump nowhere.
 */
export function linkMoments(root: DocumentFragment | Element, doc: Document, endSeconds?: number): void {
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const node of texts) {
    if (node.parentElement?.closest(SKIP)) continue;
    const found = findTimeMarkers(node.data);
    if (!found.length) continue;
    const out = doc.createDocumentFragment();
    let at = 0;
    for (const m of found) {
      out.append(node.data.slice(at, m.index));
      const label = node.data.slice(m.index + 1, m.index + m.length - 1);
      const past = endSeconds !== undefined && endSeconds > 0 && m.seconds > endSeconds;
      out.append(past ? pastEnd(doc, node.data.slice(m.index, m.index + m.length), endSeconds) : momentButton(doc, label, m.seconds));
      at = m.index + m.length;
    }
    out.append(node.data.slice(at));
    node.replaceWith(out);
  }
}

function momentButton(doc: Document, label: string, seconds: number): HTMLElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'md-moment';
  button.dataset.seconds = String(seconds);
  button.textContent = label;
  button.setAttribute('aria-label', t('videoSeekLabel', label));
  return button;
}

/** A cited moment the video does not reach: the marker as written, with why it plays nothing. */
function pastEnd(doc: Document, marker: string, endSeconds: number): HTMLElement {
  const span = doc.createElement('span');
  span.className = 'md-moment-past';
  span.textContent = marker;
  span.title = t('videoMomentPastEnd', formatTime(endSeconds));
  return span;
}
