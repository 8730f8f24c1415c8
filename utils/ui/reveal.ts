/**
 * Scrolls `win` so that `el` ends above `cover` (a bar stuck to the bottom of the view, e.g. the panel's ask box),
 * without scrolling its top out of view when it is taller than the room left. Nothing moves when it shows already.
 */
export function revealAbove(el: Element, cover: Element | null, win: Window): void {
  const r = el.getBoundingClientRect();
  const limit = cover ? cover.getBoundingClientRect().top : win.innerHeight;
  const hidden = r.bottom - limit;
  if (hidden <= 0) return;
  win.scrollBy({ top: Math.max(0, Math.min(hidden, r.top)) });
}
