/**
 * Where an image the user right-clicked is in the viewport, for the worker's crop of a visible-tab capture.
 * Run in the clicked frame by `scripting.executeScript` (self-contained: nothing from outside the function).
 * The browser gives only the image's address (`srcUrl`): of the images with that address, the one most in view.
 */
export type ImageRect =
  | {
      ok: true;
      /** The visible part, in CSS pixels of the top viewport. */
      x: number;
      y: number;
      width: number;
      height: number;
      /** Some of the image is outside the viewport (or its frame). */
      partial: boolean;
      /** The top viewport's size in CSS pixels (the capture's scale is its width over this). */
      viewport: { width: number; height: number };
    }
  | { ok: false; reason: 'not-found' | 'off-screen' | 'other-frame' };

export function imageRect(src: string, doc: Document = document, win: Window = window): ImageRect {
  // Offsets of this frame in the top viewport; a frame from another site hides its position (frameElement null).
  let dx = 0;
  let dy = 0;
  let clip = { left: 0, top: 0, right: win.innerWidth, bottom: win.innerHeight };
  let w: Window = win;
  while (w !== w.parent) {
    const el = w.frameElement;
    if (!el) return { ok: false, reason: 'other-frame' };
    const r = el.getBoundingClientRect();
    dx += r.left + el.clientLeft;
    dy += r.top + el.clientTop;
    w = w.parent;
    clip = {
      left: Math.max(clip.left + r.left, 0),
      top: Math.max(clip.top + r.top, 0),
      right: Math.min(clip.right + r.left, w.innerWidth),
      bottom: Math.min(clip.bottom + r.top, w.innerHeight),
    };
  }
  const top = { width: w.innerWidth, height: w.innerHeight };
  const matches = [...doc.querySelectorAll('img')].filter((img) => img.currentSrc === src || img.src === src);
  if (!matches.length) return { ok: false, reason: 'not-found' };
  let best: Extract<ImageRect, { ok: true }> | undefined;
  for (const img of matches) {
    const r = img.getBoundingClientRect();
    const full = { left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy };
    const left = Math.max(full.left, clip.left);
    const topY = Math.max(full.top, clip.top);
    const right = Math.min(full.right, clip.right);
    const bottom = Math.min(full.bottom, clip.bottom);
    if (right <= left || bottom <= topY) continue;
    const area = (right - left) * (bottom - topY);
    if (best && area <= best.width * best.height) continue;
    const partial = left > full.left || topY > full.top || right < full.right || bottom < full.bottom;
    best = { ok: true, x: left, y: topY, width: right - left, height: bottom - topY, partial, viewport: top };
  }
  return best ?? { ok: false, reason: 'off-screen' };
}

/**
 * The crop in the capture's pixels: the capture is the viewport at the device's pixel ratio (and zoom), so the
 * scale is the bitmap's width over the viewport's; rounded outward, kept inside the bitmap.
 */
export function cropBox(
  rect: Extract<ImageRect, { ok: true }>,
  bitmap: { width: number; height: number },
): { sx: number; sy: number; sw: number; sh: number } | null {
  const sx0 = bitmap.width / rect.viewport.width;
  const sy0 = bitmap.height / rect.viewport.height;
  const sx = Math.max(0, Math.floor(rect.x * sx0));
  const sy = Math.max(0, Math.floor(rect.y * sy0));
  const ex = Math.min(bitmap.width, Math.ceil((rect.x + rect.width) * sx0));
  const ey = Math.min(bitmap.height, Math.ceil((rect.y + rect.height) * sy0));
  return ex > sx && ey > sy ? { sx, sy, sw: ex - sx, sh: ey - sy } : null;
}
