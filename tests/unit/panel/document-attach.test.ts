import { describe, expect, it } from 'vitest';
import {
  acceptsImages,
  blocker,
  bytesOfDataUrl,
  extrasOf,
  imageItem,
  itemFromPrepared,
  visionAlternative,
  type AttachItem,
} from '../../../utils/panel/document-attach';

/** A 1×1 PNG header is enough for the MIME type and the size. */
function png(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}
const item = (status: AttachItem['status'], extra: Partial<AttachItem> = {}): AttachItem => ({ id: status, name: `${status}.x`, status, ...extra });

describe('attached items', () => {
  it('turns prepared files into items; images get a data URL with their real type and a token estimate', () => {
    expect(itemFromPrepared('1', { name: 'a.txt', size: 3, status: 'ready', text: 'abc' })).toMatchObject({ status: 'ready', text: 'abc' });
    expect(itemFromPrepared('2', { name: 'e.txt', size: 0, status: 'failed', failure: { reason: 'empty-file' } })).toMatchObject({
      status: 'failed',
      failure: { reason: 'empty-file' },
    });
    const img = itemFromPrepared('3', { name: 'shot.jpg', size: 33, status: 'image', bytes: png(2000, 1000) });
    expect(img.status).toBe('image');
    expect(img.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(img.tokens).toBe(Math.ceil(2000 / 28) * Math.ceil(1000 / 28));
    expect(bytesOfDataUrl(img.dataUrl!)).toEqual(png(2000, 1000));
  });

  it('refuses an image format vision does not take', () => {
    expect(imageItem(item('image'), new Uint8Array([0x42, 0x4d, 1, 2]))).toMatchObject({ status: 'failed', failure: { reason: 'unsupported-type' } });
  });

  it('sends ready texts as attachments and images as images; nothing else', () => {
    const items = [item('ready', { text: 'T' }), item('image', { dataUrl: 'data:image/png;base64,AA' }), item('failed'), item('needs-upload')];
    expect(extrasOf(items)).toEqual({
      attachments: [{ name: 'ready.x', text: 'T' }],
      images: [{ name: 'image.x', dataUrl: 'data:image/png;base64,AA' }],
    });
    expect(extrasOf([item('failed')])).toEqual({});
  });

  it('holds the question while something is read, waits for consent, or needs a model that sees', () => {
    expect(blocker([item('ready'), item('reading')], true)).toBe('pending');
    expect(blocker([item('uploading')], true)).toBe('pending');
    expect(blocker([item('needs-upload')], true)).toBe('consent');
    expect(blocker([item('image')], false)).toBe('vision');
    expect(blocker([item('image'), item('failed')], true)).toBeNull();
  });

  it('knows which models see images, and offers one of the same family first', () => {
    const models = [
      { id: 'moonshot-v1-128k', supportsImages: false },
      { id: 'kimi-k2.6', supportsImages: true },
      { id: 'moonshot-v1-128k-vision-preview', supportsImages: true },
    ];
    expect(acceptsImages('kimi-k2.6', models)).toBe(true);
    expect(acceptsImages('moonshot-v1-128k', models)).toBe(false);
    expect(acceptsImages('unknown-model', models)).toBe(false);
    expect(visionAlternative('moonshot-v1-128k', models)).toBe('moonshot-v1-128k-vision-preview');
    expect(visionAlternative('other', models)).toBe('kimi-k2.6');
    expect(visionAlternative('x', [])).toBeUndefined();
  });
});
