import { sniff } from './sniff';

/** The image formats Kimi's vision input accepts (kimi-api.md §5). */
const VISION_MIME = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' } as const;

/** The real MIME type from the bytes (a wrong one gets a 400), or null when Kimi's vision cannot take it. */
export function imageMime(bytes: Uint8Array): string | null {
  const s = sniff(bytes);
  return s in VISION_MIME ? VISION_MIME[s as keyof typeof VISION_MIME] : null;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

/** `data:image/png;base64,…` with the MIME type the bytes really have; null for formats vision does not take. */
export function imageDataUrl(bytes: Uint8Array): string | null {
  const mime = imageMime(bytes);
  return mime ? `data:${mime};base64,${base64(bytes)}` : null;
}

/** Width and height from the header of a PNG, JPEG, GIF or WebP; null when unknown. */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const s = sniff(b);
  try {
    if (s === 'png') return { width: dv.getUint32(16), height: dv.getUint32(20) };
    if (s === 'gif') return { width: dv.getUint16(6, true), height: dv.getUint16(8, true) };
    if (s === 'webp') return webpSize(b, dv);
    if (s === 'jpeg') return jpegSize(b, dv);
  } catch {
    return null; // truncated header
  }
  return null;
}

function webpSize(b: Uint8Array, dv: DataView): { width: number; height: number } | null {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8X') return { width: 1 + (dv.getUint32(24, true) & 0xffffff), height: 1 + (dv.getUint32(27, true) & 0xffffff) };
  if (chunk === 'VP8L') {
    const bits = dv.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: dv.getUint16(26, true) & 0x3fff, height: dv.getUint16(28, true) & 0x3fff };
  return null;
}

function jpegSize(b: Uint8Array, dv: DataView): { width: number; height: number } | null {
  let i = 2;
  for (let guard = 0; guard < 1000 && i + 9 < b.length; guard++) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    const len = dv.getUint16(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: dv.getUint16(i + 5), width: dv.getUint16(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

/** What the simulator and our budget assume when the size is unknown. */
export const IMAGE_TOKENS_FALLBACK = 1024;

/**
 * Tokens an image costs, estimated on the high side from its size: one token
 * per 28×28 patch after scaling into 4096×2160 (larger adds only latency,
 * kimi-api.md §5), at least the fallback. Use /v1/tokenizers/estimate-token-count for the exact count.
 */
export function estimateImageTokens(size: { width: number; height: number } | null): number {
  if (!size || !(size.width > 0) || !(size.height > 0)) return IMAGE_TOKENS_FALLBACK;
  const scale = Math.min(1, 4096 / Math.max(size.width, size.height), 2160 / Math.min(size.width, size.height));
  const patches = Math.ceil((size.width * scale) / 28) * Math.ceil((size.height * scale) / 28);
  return Math.max(IMAGE_TOKENS_FALLBACK, patches);
}
