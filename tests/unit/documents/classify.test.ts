import { describe, expect, it } from 'vitest';
import { classifyFile } from '../../../utils/documents/classify';
import { MAX_FILE_BYTES } from '../../../utils/documents/types';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const PDF = bytes('%PDF-1.7\n');
const ZIP = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]);
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0]);
const GIF = bytes('GIF89a');
const WEBP = bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ');
const TEXT = bytes('hello, world\n');
const file = (name: string, firstBytes: Uint8Array, size = 1000, type = '') => classifyFile({ name, type, size, firstBytes });

describe('classifyFile', () => {
  it('accepts each supported kind when content and name agree', () => {
    expect(file('paper.pdf', PDF)).toMatchObject({ ok: true, kind: 'pdf', mime: 'application/pdf' });
    expect(file('notes.docx', ZIP)).toMatchObject({ ok: true, kind: 'office' });
    expect(file('deck.PPTX', ZIP)).toMatchObject({ ok: true, kind: 'office' });
    expect(file('book.epub', ZIP)).toMatchObject({ ok: true, kind: 'office', mime: 'application/epub+zip' });
    expect(file('shot.png', PNG)).toMatchObject({ ok: true, kind: 'image', mime: 'image/png' });
    expect(file('photo.jpg', JPEG)).toMatchObject({ ok: true, kind: 'image', mime: 'image/jpeg' });
    expect(file('anim.gif', GIF)).toMatchObject({ ok: true, kind: 'image', mime: 'image/gif' });
    expect(file('pic.webp', WEBP)).toMatchObject({ ok: true, kind: 'image', mime: 'image/webp' });
    for (const name of ['a.txt', 'b.md', 'c.csv', 'd.json', 'e.html', 'f.ts', 'g.py']) expect(file(name, TEXT)).toMatchObject({ ok: true, kind: 'text' });
  });

  it('catches empty, too large and unsupported files before any upload', () => {
    expect(file('a.pdf', new Uint8Array(0), 0)).toMatchObject({ ok: false, reason: 'empty-file' });
    expect(file('a.pdf', PDF, MAX_FILE_BYTES)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(file('a.pdf', PDF, MAX_FILE_BYTES - 1)).toMatchObject({ ok: true });
    expect(file('setup.exe', bytes('MZ', [0x90, 0]))).toMatchObject({ ok: false, reason: 'unsupported-type' });
    expect(file('movie.mp4', bytes([0, 0, 0, 0x18], 'ftyp'))).toMatchObject({ ok: false, reason: 'unsupported-type' });
  });

  it('catches an extension that lies about the content', () => {
    expect(file('report.pdf', PNG)).toMatchObject({ ok: false, reason: 'wrong-extension' });
    expect(file('notes.docx', PDF)).toMatchObject({ ok: false, reason: 'wrong-extension' });
    expect(file('photo.png', JPEG)).toMatchObject({ ok: false, reason: 'wrong-extension' });
    expect(file('data.csv', ZIP)).toMatchObject({ ok: false, reason: 'wrong-extension' });
    expect(file('data.txt', bytes([1, 2, 3, 0, 4, 5]))).toMatchObject({ ok: false, reason: 'binary-text' });
  });

  it('trusts unambiguous content when the name has no known extension', () => {
    expect(file('download', PDF)).toMatchObject({ ok: true, kind: 'pdf' });
    expect(file('image.bin', PNG)).toMatchObject({ ok: true, kind: 'image', mime: 'image/png' });
    expect(file('README', TEXT)).toMatchObject({ ok: true, kind: 'text' });
  });
});
