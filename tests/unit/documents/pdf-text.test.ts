import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../utils/documents/pdf-text';
import { loadNodePdfjs } from '../../../utils/documents/pdfjs-node';
import { DocumentError } from '../../../utils/documents/types';
import { column, corruptPdf, makePdf, textPdf, twoColumnPdf } from './make-pdf';

const read = (bytes: Uint8Array, password?: string) => extractPdfText(bytes, { pdfjs: loadNodePdfjs, password });
const reasonOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DocumentError);
  return (err as DocumentError).failure.reason;
};

describe('extractPdfText on generated PDFs', () => {
  it('keeps a marker before each page and reports the page count and title', async () => {
    const progress: number[] = [];
    const r = await extractPdfText(textPdf(3, 'Generated Title'), { pdfjs: loadNodePdfjs, onProgress: (d) => progress.push(d) });
    expect(r.pageCount).toBe(3);
    expect(r.pages).toHaveLength(3);
    expect(r.title).toBe('Generated Title');
    expect(r.needsOcr).toBe(false);
    const markers = [...r.text.matchAll(/^--- Page (\d+) ---$/gm)].map((m) => Number(m[1]));
    expect(markers).toEqual([1, 2, 3]);
    // Each page's own sentence sits under its own marker.
    expect(r.text.indexOf('word2')).toBeGreaterThan(r.text.indexOf('--- Page 2 ---'));
    expect(r.text.indexOf('word2')).toBeLessThan(r.text.indexOf('--- Page 3 ---'));
    expect(progress.sort()).toEqual([1, 2, 3]);
  });

  it('reads a two-column page column by column although the stream interleaves the rows', async () => {
    const r = await read(twoColumnPdf());
    const text = r.pages[0];
    expect(text.indexOf('A Study In Two Columns')).toBe(0);
    expect(text).toContain('Left one starts the first column and runs down to the end of the left side.');
    expect(text.indexOf('Left four ends it here.')).toBeLessThan(text.indexOf('Right one starts the second'));
    expect(text).toContain('Right one starts the second column after the left one has been read completely.');
  });

  it('joins words hyphenated at a line end and marks pages without text', async () => {
    const pdf = makePdf([column(['Colleagues in many countries work together on pro-', 'ductive projects every single day.']), []]);
    const r = await read(pdf);
    expect(r.pages[0]).toContain('on productive projects');
    expect(r.pages[1]).toBe('');
    expect(r.emptyPages).toEqual([2]);
    expect(r.needsOcr).toBe(false);
  });

  it('flags a PDF whose pages carry no text as needing OCR', async () => {
    const r = await read(makePdf([[], [], []]));
    expect(r.pageCount).toBe(3);
    expect(r.needsOcr).toBe(true);
    expect(r.usableTextRatio).toBe(0);
    expect(r.emptyPages).toEqual([1, 2, 3]);
  });

  it('leaves the caller’s bytes usable (pdf.js detaches what it is given)', async () => {
    const bytes = textPdf(1);
    const before = bytes.length;
    await read(bytes);
    expect(bytes.length).toBe(before);
    expect(String.fromCharCode(...bytes.subarray(0, 5))).toBe('%PDF-');
  });

  it('gives a reason for corrupt, empty and non-PDF input', async () => {
    expect(await reasonOf(read(corruptPdf()))).toBe('corrupt');
    expect(await reasonOf(read(new Uint8Array(0)))).toBe('empty-file');
    expect(await reasonOf(read(new TextEncoder().encode('just some text, not a PDF')))).toBe('not-pdf');
  });
});
