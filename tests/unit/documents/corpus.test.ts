// The real PDFs of ../shared/corpus/pdf (see its README): text, page count and the reason each should produce.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../utils/documents/pdf-text';
import { loadNodePdfjs } from '../../../utils/documents/pdfjs-node';
import { DocumentError } from '../../../utils/documents/types';

const DIR = resolve('..', 'shared', 'corpus', 'pdf');
const absent = !existsSync(join(DIR, 'tracemonkey.pdf'));
const SKIP = `corpus PDFs not found at ${DIR}`;
const read = (name: string, password?: string) => extractPdfText(new Uint8Array(readFileSync(join(DIR, name))), { pdfjs: loadNodePdfjs, password });
const failure = async (name: string, password?: string) => {
  const err = await read(name, password).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DocumentError);
  return (err as DocumentError).failure.reason;
};

describe.skipIf(absent)(absent ? SKIP : 'corpus PDFs', () => {
  it('tracemonkey.pdf: 14 pages, two columns in reading order', async () => {
    const r = await read('tracemonkey.pdf');
    expect(r.pageCount).toBe(14);
    expect(r.needsOcr).toBe(false);
    const p1 = r.pages[0];
    // The abstract (left column) comes whole before the introduction's second paragraph (right column).
    expect(p1).toContain('Dynamic languages such as JavaScript are more difficult to compile than statically typed ones.');
    expect(p1.indexOf('benchmark programs.')).toBeLessThan(p1.indexOf('and is used for the application logic'));
    expect(r.text).toMatch(/^--- Page 14 ---$/m);
  }, 60_000);

  it('bug1997343.pdf: the right column follows the left one', async () => {
    const r = await read('bug1997343.pdf');
    expect(r.pageCount).toBe(2);
    const p1 = r.pages[0];
    // Left column (ends with its footnote), then the right column, which starts mid-word.
    const order = ['This document shows a typical', 'The current tagging markup', 'ment just uses standard', 'Let 𝑝 be a prime'].map((s) => p1.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }, 30_000);

  it('issue16538.pdf: Japanese text without a ToUnicode map comes out as Unicode', async () => {
    const r = await read('issue16538.pdf');
    expect(r.pageCount).toBe(1);
    expect(r.pages[0]).toContain('リスク中立確率');
    expect(r.usableTextRatio).toBeGreaterThan(0.9);
  }, 30_000);

  it('issue13226.pdf: soft hyphens are gone', async () => {
    const r = await read('issue13226.pdf');
    expect(r.pages[0]).toContain('Mitarbeiterinnen und Mitarbeiter');
    expect(r.text).not.toContain('\u00ad');
  });

  it('scanned-tracemonkey.pdf: no text layer, so it needs OCR', async () => {
    const r = await read('scanned-tracemonkey.pdf');
    expect(r.pageCount).toBe(2);
    expect(r.needsOcr).toBe(true);
  });

  it('issue9105_other.pdf: broken structure, but pdf.js recovers its one line', async () => {
    const r = await read('issue9105_other.pdf');
    expect(r.pages[0]).toBe('Adobe tweet');
  });

  it('issue3371.pdf: asks for the password, rejects a wrong one, opens with the right one', async () => {
    expect(await failure('issue3371.pdf')).toBe('password-needed');
    expect(await failure('issue3371.pdf', 'wrong')).toBe('password-wrong');
    const r = await read('issue3371.pdf', 'ELXRTQWS');
    expect(r.pageCount).toBe(1);
    expect(r.encrypted).toBe(true);
    expect(r.needsOcr).toBe(true); // a scanned page behind the password
  }, 30_000);

  it('bug1815476.pdf: encrypted with an empty password opens without asking', async () => {
    const r = await read('bug1815476.pdf');
    expect(r.encrypted).toBe(true);
    expect(r.pages[0]).toContain('Salamanca');
  }, 30_000);

  it('freeculture.pdf: 352 pages, no printer’s marks', async () => {
    const r = await read('freeculture.pdf');
    expect(r.pageCount).toBe(352);
    expect(r.title).toBe('Free Culture');
    expect(r.text).not.toMatch(/\.qxd\b/);
    expect(r.text).toContain('doujinshi');
  }, 120_000);
});
