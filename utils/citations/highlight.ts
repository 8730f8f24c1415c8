/**
 * Shows a located passage: scrolls it to the middle of the view and marks it
 * for a moment. The CSS Custom Highlight API paints without touching the
 * page's DOM; where it is missing, boxes laid over the text's rectangles do.
 * Styles are set through the CSSOM (never attributes or markup), so a page's
 * CSP cannot block them.
 */

/** Styled by the worker's scripting.insertCSS, which page CSP cannot block either. */
export const HIGHLIGHT_NAME = 'moonlit-cite';
export const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}){background-color:#ffd54a;color:#1a1a1a}`;
export const HIGHLIGHT_MS = 2500;

/** Where the previous mark's remover is kept, so a second click replaces the mark instead of stacking. */
const CLEAR_KEY = '__moonlitCiteClear';

type Win = Window &
  typeof globalThis & {
    [CLEAR_KEY]?: () => void;
    Highlight?: new (...ranges: Range[]) => object;
    CSS?: { highlights?: Map<string, object> };
  };

export function scrollToRange(range: Range, doc: Document, win: Window): void {
  const behavior: ScrollBehavior = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
  const start = range.startContainer;
  const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
  const view = win.innerHeight || doc.documentElement.clientHeight;
  // A small element is centred by the browser, which also scrolls any inner scroller; a huge one
  // (text straight in a long container) would be centred as a whole, so the window moves to the range instead.
  if (el && el.getBoundingClientRect().height <= view * 0.8) {
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
    return;
  }
  const r = range.getBoundingClientRect();
  const top = r.height < view * 0.8 ? r.top - (view - r.height) / 2 : r.top - view * 0.15;
  win.scrollBy({ top, behavior });
}

function overlay(range: Range, doc: Document, win: Window): () => void {
  const layer = doc.createElement('moonlit-cite-layer');
  layer.setAttribute('aria-hidden', 'true');
  Object.assign(layer.style, {
    position: 'fixed',
    inset: '0',
    margin: '0',
    padding: '0',
    border: '0',
    pointerEvents: 'none',
    zIndex: '2147483647',
    display: 'block',
    overflow: 'hidden',
    background: 'none',
  });
  const place = () => {
    layer.replaceChildren();
    for (const r of Array.from(range.getClientRects()).slice(0, 400)) {
      if (!r.width || !r.height) continue;
      const box = doc.createElement('moonlit-cite-box');
      Object.assign(box.style, {
        position: 'absolute',
        display: 'block',
        margin: '0',
        padding: '0',
        border: '0',
        left: `${r.left}px`,
        top: `${r.top}px`,
        width: `${r.width}px`,
        height: `${r.height}px`,
        background: 'rgba(255, 204, 0, 0.4)',
        outline: '2px solid rgba(230, 160, 0, 0.9)',
        borderRadius: '2px',
      });
      layer.append(box);
    }
  };
  // Boxes are fixed to the viewport: redraw them when anything scrolls (the smooth scroll included).
  let frame = 0;
  const onMove = () => {
    if (!frame) frame = win.requestAnimationFrame(() => ((frame = 0), place()));
  };
  place();
  doc.documentElement.append(layer);
  win.addEventListener('scroll', onMove, { capture: true, passive: true });
  win.addEventListener('resize', onMove, { passive: true });
  return () => {
    win.removeEventListener('scroll', onMove, { capture: true });
    win.removeEventListener('resize', onMove);
    if (frame) win.cancelAnimationFrame(frame);
    layer.remove();
  };
}

/** Scrolls to the range and marks it for `ms`; says which way it was marked. */
export function flashRange(range: Range, doc: Document, win: Window, ms = HIGHLIGHT_MS): 'highlight' | 'overlay' {
  const w = win as Win;
  w[CLEAR_KEY]?.();
  scrollToRange(range, doc, win);
  const registry = w.CSS?.highlights;
  let how: 'highlight' | 'overlay';
  let remove: () => void;
  if (registry && typeof w.Highlight === 'function') {
    const mark = new w.Highlight(range);
    registry.set(HIGHLIGHT_NAME, mark);
    how = 'highlight';
    remove = () => {
      if (registry.get(HIGHLIGHT_NAME) === mark) registry.delete(HIGHLIGHT_NAME);
    };
  } else {
    how = 'overlay';
    remove = overlay(range, doc, win);
  }
  const timer = win.setTimeout(() => clear(), ms);
  const clear = () => {
    win.clearTimeout(timer);
    remove();
    if (w[CLEAR_KEY] === clear) delete w[CLEAR_KEY];
  };
  w[CLEAR_KEY] = clear;
  return how;
}
