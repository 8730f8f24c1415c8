import { browser } from 'wxt/browser';
import { cropBox, imageRect, type ImageRect } from '../extract/image-rect';
import { handOver } from '../documents/transfer';
import type { PendingImage } from '../storage/items';

/** The page may still move (the panel opening narrows it): measure, capture, measure again, a few times at most. */
const ATTEMPTS = 3;

async function rectIn(tabId: number, frameId: number | undefined, srcUrl: string): Promise<ImageRect> {
  const target = frameId ? { tabId, frameIds: [frameId] } : { tabId };
  const [first] = await browser.scripting.executeScript({ target, func: imageRect, args: [srcUrl] });
  return (first?.result as ImageRect | undefined) ?? { ok: false, reason: 'not-found' };
}

const sameRect = (a: ImageRect, b: ImageRect) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The image the user right-clicked, as PNG bytes cut from a capture of the visible tab: works for an image from
 * any origin with no host permission (activeTab, granted by the menu click, allows the capture). Only the part
 * in view can be captured; `partial` says so. The bytes go to the panel through the extension's IndexedDB.
 */
export async function captureImage(tabId: number, windowId: number | undefined, frameId: number | undefined, srcUrl: string): Promise<PendingImage> {
  for (let attempt = 1; ; attempt++) {
    let rect: ImageRect;
    let shot: string;
    try {
      rect = await rectIn(tabId, frameId, srcUrl);
      if (!rect.ok) return { failure: rect.reason };
      shot = await browser.tabs.captureVisibleTab(windowId ?? browser.windows.WINDOW_ID_CURRENT, { format: 'png' });
    } catch (err) {
      return { failure: 'refused', detail: err instanceof Error ? err.message : String(err) };
    }
    const after = await rectIn(tabId, frameId, srcUrl).catch((): ImageRect => ({ ok: false, reason: 'not-found' }));
    if (!sameRect(rect, after) && attempt < ATTEMPTS) continue;
    if (!after.ok) return { failure: after.reason };
    const png = await crop(shot, after);
    if (!png) return { failure: 'off-screen' };
    return { transferId: await handOver(png), partial: after.partial };
  }
}

async function crop(dataUrl: string, rect: Extract<ImageRect, { ok: true }>): Promise<Uint8Array | null> {
  const blob = await (await fetch(dataUrl)).blob();
  const whole = await createImageBitmap(blob);
  const box = cropBox(rect, whole);
  if (!box) return null;
  const canvas = new OffscreenCanvas(box.sw, box.sh);
  canvas.getContext('2d')!.drawImage(whole, box.sx, box.sy, box.sw, box.sh, 0, 0, box.sw, box.sh);
  whole.close();
  return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
}
