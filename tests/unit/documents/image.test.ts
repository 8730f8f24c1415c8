import { describe, expect, it } from 'vitest';
import { estimateImageTokens, IMAGE_TOKENS_FALLBACK, imageDataUrl, imageMime, imageSize } from '../../../utils/documents/image';

function png(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const dv = new DataView(b.buffer);
  dv.setUint32(16, width);
  dv.setUint32(20, height);
  return b;
}
const jpeg = (w: number, h: number) =>
  Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, h >> 8, h & 255, w >> 8, w & 255, 3, 0, 0, 0]);

describe('images', () => {
  it('takes the MIME type from the bytes, not the name', () => {
    expect(imageMime(png(1, 1))).toBe('image/png');
    expect(imageMime(jpeg(1, 1))).toBe('image/jpeg');
    expect(imageMime(new TextEncoder().encode('GIF89a......'))).toBe('image/gif');
    expect(imageMime(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
  });

  it('builds a base64 data URL with the real MIME type', () => {
    const url = imageDataUrl(png(2, 3))!;
    expect(url.startsWith('data:image/png;base64,')).toBe(true);
    expect(Uint8Array.from(atob(url.split(',')[1]), (c) => c.charCodeAt(0))).toEqual(png(2, 3));
    expect(imageDataUrl(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it('reads the size and estimates tokens, scaling big images into 4K', () => {
    expect(imageSize(png(1920, 1080))).toEqual({ width: 1920, height: 1080 });
    expect(imageSize(jpeg(640, 480))).toEqual({ width: 640, height: 480 });
    expect(estimateImageTokens(null)).toBe(IMAGE_TOKENS_FALLBACK);
    expect(estimateImageTokens({ width: 100, height: 100 })).toBe(IMAGE_TOKENS_FALLBACK);
    expect(estimateImageTokens({ width: 1920, height: 1080 })).toBe(Math.ceil(1920 / 28) * Math.ceil(1080 / 28));
    expect(estimateImageTokens({ width: 8192, height: 4320 })).toBe(estimateImageTokens({ width: 4096, height: 2160 }));
  });
});
