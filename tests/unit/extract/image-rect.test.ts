// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cropBox, imageRect } from '@/utils/extract/image-rect';

/** An image at the given viewport box (happy-dom does no layout). */
function placeImage(doc: Document, src: string, box: { left: number; top: number; width: number; height: number }): HTMLImageElement {
  const img = doc.createElement('img');
  img.src = src;
  img.getBoundingClientRect = () =>
    ({ ...box, x: box.left, y: box.top, right: box.left + box.width, bottom: box.top + box.height, toJSON: () => box }) as DOMRect;
  doc.body.append(img);
  return img;
}

describe('the right-clicked image in the viewport', () => {
  const src = 'http://localhost:9/cat.png';

  it('whole in view: its box, not partial, with the viewport size', () => {
    document.body.innerHTML = '';
    placeImage(document, src, { left: 10, top: 20, width: 200, height: 100 });
    expect(imageRect(src, document, window)).toEqual({
      ok: true,
      x: 10,
      y: 20,
      width: 200,
      height: 100,
      partial: false,
      viewport: { width: window.innerWidth, height: window.innerHeight },
    });
  });

  it('partly below the fold: only the part in view, said to be partial; of two with that address, the one more in view', () => {
    document.body.innerHTML = '';
    placeImage(document, src, { left: 0, top: -90, width: 100, height: 100 });
    placeImage(document, src, { left: 5, top: window.innerHeight - 50, width: 300, height: 200 });
    const r = imageRect(src, document, window);
    expect(r).toMatchObject({ ok: true, x: 5, y: window.innerHeight - 50, width: 300, height: 50, partial: true });
  });

  it('another address, or nothing in view: says which', () => {
    document.body.innerHTML = '';
    placeImage(document, src, { left: 0, top: window.innerHeight + 10, width: 50, height: 50 });
    expect(imageRect('http://localhost:9/dog.png', document, window)).toEqual({ ok: false, reason: 'not-found' });
    expect(imageRect(src, document, window)).toEqual({ ok: false, reason: 'off-screen' });
  });

  it("crops in the capture's pixels: device pixel ratio 2, rounded outward, kept inside the bitmap", () => {
    const rect = { ok: true as const, x: 10.4, y: 20, width: 100, height: 50.2, partial: false, viewport: { width: 800, height: 600 } };
    expect(cropBox(rect, { width: 1600, height: 1200 })).toEqual({ sx: 20, sy: 40, sw: 201, sh: 101 });
    expect(cropBox({ ...rect, x: 790, width: 50 }, { width: 800, height: 600 })).toEqual({ sx: 790, sy: 20, sw: 10, sh: 51 });
    expect(cropBox({ ...rect, x: 900 }, { width: 800, height: 600 })).toBeNull();
  });
});
