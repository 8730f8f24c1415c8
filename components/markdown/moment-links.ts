import { t } from '@/utils/i18n';
import { findTimeMarkers } from '@/utils/video/timestamps';

/** Times inside code, links and math are the model quoting text, not citing a moment. */
const SKIP = 'code, pre, a, .md-math, .md-code, button';

/**
 * Turns `[4:05]` moments in a sanitised answer about a video into buttons that play the video from there,
 * built with createElement (never from model text). The scanner is linear (utils/video/timestamps.ts).
 */
export function linkMoments(root: DocumentFragment | Element, doc: Document): void {
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
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'md-moment';
      button.dataset.seconds = String(m.seconds);
      button.textContent = label;
      button.setAttribute('aria-label', t('videoSeekLabel', label));
      out.append(button);
      at = m.index + m.length;
    }
    out.append(node.data.slice(at));
    node.replaceWith(out);
  }
}
