import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetPdfReads, readPdfTab, type PdfReadDeps } from '../../../utils/panel/document-read';
import { PAGES_PER_RUN } from '../../../utils/panel/textless-pages';
import { extractPdfText } from '../../../utils/documents/pdf-text';
import { loadNodePdfjs } from '../../../utils/documents/pdfjs-node';
import { isPdfText, splitPassages } from '../../../utils/citations/passages';
import { makePdf, type PdfLine } from '../documents/make-pdf';

// A PDF with scanned pages among text pages: which pages have no text is said, never silently dropped,
// and text recognition runs on just those pages, its text put back in page order.
const URL_ = 'http://127.0.0.1:9/papers/mixed.pdf';
const text = (n: number): PdfLine[] => [{ text: `Typed words on page ${n} of the survey.`, x: 72, y: 700 }];
const scan: PdfLine[] = [];

function deps(
  bytes: Uint8Array,
  ocrPages: PdfReadDeps['ocrPages'] = async (_b, pages) => ({ texts: new Map(pages.map((n) => [n, `Recognised words of page ${n}.`])) }),
) {
  return {
    fetchBytes: vi.fn(async () => bytes),
    extract: vi.fn((b: Uint8Array, o: { password?: string }) => extractPdfText(b, { ...o, pdfjs: loadNodePdfjs })),
    cachedText: vi.fn(async () => null),
    ocr: vi.fn(),
    ocrPages: vi.fn(ocrPages),
  };
}

beforeEach(() => forgetPdfReads());

describe('a PDF with some pages that have no text layer', () => {
  const mixed = makePdf([text(1), scan, text(3), scan, scan, text(6)]);

  it('is read with every page marked; the pages without text are named, and nothing is uploaded unasked', async () => {
    const d = deps(mixed);
    const r = await readPdfTab(URL_, {}, d);
    if (!r.ok) throw new Error('not read');
    expect(r.page.textless).toEqual({ pending: [2, 4, 5], empty: [] });
    for (const n of [1, 2, 3, 4, 5, 6]) expect(r.page.text).toContain(`--- Page ${n} ---`);
    expect(d.ocrPages).not.toHaveBeenCalled();
    expect(d.ocr).not.toHaveBeenCalled();
  });

  it('"Recognise text on these pages" recognises just those, and puts their text back in page order', async () => {
    const d = deps(mixed);
    const before = await readPdfTab(URL_, {}, d);
    const r = await readPdfTab(URL_, { ocrPages: true }, d);
    if (!r.ok || !before.ok) throw new Error('not read');
    expect(d.ocrPages).toHaveBeenCalledTimes(1);
    expect(d.ocrPages.mock.calls[0][1]).toEqual([2, 4, 5]);
    expect(r.page.textless).toEqual({ pending: [], empty: [] });
    const order = [1, 2, 3, 4, 5, 6].map((n) => r.page.text.indexOf(`--- Page ${n} ---`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(r.page.text).toContain('--- Page 2 ---\nRecognised words of page 2.\n\n--- Page 3 ---\nTyped words on page 3');
    // Passages keep their pages; those before the first recognised page keep their numbers too.
    const passages = splitPassages(r.page.text, isPdfText(r.page));
    expect(passages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6]);
    const { at: _moved, ...first } = splitPassages(before.page.text, true)[0];
    expect(passages[0]).toMatchObject(first);
    // Read again (a question): the recognised text is kept, nothing recognised twice.
    const again = await readPdfTab(URL_, {}, d);
    expect(again.ok && again.page).toBe(r.page);
    expect(d.ocrPages).toHaveBeenCalledTimes(1);
  });

  it('a page recognition finds blank is said so; a failure keeps the pages done and names the rest', async () => {
    const d = deps(mixed, async (_b, pages) => ({
      texts: new Map([[pages[0], '  ']]),
      failure: { reason: 'upload-failed', detail: 'HTTP 500' },
    }));
    const r = await readPdfTab(URL_, { ocrPages: true }, d);
    if (!r.ok) throw new Error('not read');
    expect(r.page.textless).toEqual({ pending: [4, 5], empty: [2], failed: { failure: { reason: 'upload-failed', detail: 'HTTP 500' } } });
    // Asked again: only the pages still pending go.
    d.ocrPages.mockImplementation(async (_b, pages) => ({ texts: new Map(pages.map((n) => [n, `Page ${n} words.`])) }));
    const next = await readPdfTab(URL_, { ocrPages: true }, d);
    expect(d.ocrPages.mock.calls[1][1]).toEqual([4, 5]);
    expect(next.ok && next.page.textless).toEqual({ pending: [], empty: [2] });
  });

  it(`a long one is recognised ${PAGES_PER_RUN} pages at a time, and the notice keeps naming what is left`, async () => {
    const pages = Array.from({ length: 70 }, (_, i) => (i % 3 === 2 ? scan : text(i + 1)));
    const d = deps(makePdf(pages));
    const all = pages.flatMap((p, i) => (p === scan ? [i + 1] : []));
    expect(all.length).toBeGreaterThan(PAGES_PER_RUN);
    const first = await readPdfTab(URL_, { ocrPages: true }, d);
    expect(d.ocrPages.mock.calls[0][1]).toEqual(all.slice(0, PAGES_PER_RUN));
    expect(first.ok && first.page.textless?.pending).toEqual(all.slice(PAGES_PER_RUN));
    const second = await readPdfTab(URL_, { ocrPages: true }, d);
    expect(d.ocrPages.mock.calls[1][1]).toEqual(all.slice(PAGES_PER_RUN));
    expect(second.ok && second.page.textless).toEqual({ pending: [], empty: [] });
  });

  it('a PDF with text on every page has no notice; a wholly scanned one still asks for consent first', async () => {
    const whole = await readPdfTab(URL_, {}, deps(makePdf([text(1), text(2)])));
    expect(whole.ok && whole.page.textless).toBeUndefined();
    forgetPdfReads();
    expect(await readPdfTab(URL_, {}, deps(makePdf([scan, scan, text(3)])))).toMatchObject({ ok: false, doc: { step: 'consent' } });
  });
});
