import { beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetPdfReads, pdfName, readPdfTab, type PdfReadDeps } from '../../../utils/panel/document-read';
import { extractPdfText } from '../../../utils/documents/pdf-text';
import { loadNodePdfjs } from '../../../utils/documents/pdfjs-node';
import { DocumentError } from '../../../utils/documents/types';
import { corruptPdf, makePdf, textPdf } from '../documents/make-pdf';

const URL_ = 'http://127.0.0.1:9/papers/report.pdf';

/** Real pdf.js (Node's build) on generated PDFs; the network and the worker are stand-ins that count calls. */
function deps(bytes: Uint8Array, over: Partial<PdfReadDeps> = {}) {
  const d = {
    fetchBytes: vi.fn(async () => bytes),
    extract: vi.fn((b: Uint8Array, o: { password?: string }) => extractPdfText(b, { ...o, pdfjs: loadNodePdfjs })),
    cachedText: vi.fn(async () => null as string | null),
    ocr: vi.fn(async () => ({ ok: true as const, text: 'recognised text', cached: false })),
    ocrPages: vi.fn(async (_b: Uint8Array, pages: number[]) => ({ texts: new Map(pages.map((n) => [n, `Recognised words of page ${n}.`])) })),
    ...over,
  };
  return d;
}

beforeEach(() => forgetPdfReads());

describe('readPdfTab', () => {
  it('reads the text layer with page markers and the PDF title', async () => {
    const d = deps(textPdf(2, 'Quarterly Notes'));
    const r = await readPdfTab(URL_, {}, d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.page).toMatchObject({ url: URL_, title: 'Quarterly Notes', selection: '', source: 'pdf' });
    expect(r.page.text).toMatch(/^--- Page 1 ---$/m);
    expect(r.page.text).toMatch(/^--- Page 2 ---$/m);
    expect(d.ocr).not.toHaveBeenCalled();
  });

  it('uses the file name when the PDF has no title, and reuses a read unless told to read afresh', async () => {
    const d = deps(textPdf(1));
    const first = await readPdfTab(URL_, {}, d);
    expect(first.ok && first.page.title).toBe('report.pdf');
    await readPdfTab(URL_, {}, d);
    expect(d.fetchBytes).toHaveBeenCalledTimes(1);
    await readPdfTab(URL_, { fresh: true }, d);
    expect(d.fetchBytes).toHaveBeenCalledTimes(2);
  });

  it('asks for consent before a scan is uploaded, then uses what Kimi recognised', async () => {
    const d = deps(makePdf([[], []]));
    expect(await readPdfTab(URL_, {}, d)).toEqual({ ok: false, doc: { step: 'consent', url: URL_, name: 'report.pdf' } });
    expect(d.ocr).not.toHaveBeenCalled();
    const r = await readPdfTab(URL_, { ocr: true }, d);
    expect(d.ocr).toHaveBeenCalledTimes(1);
    expect(r.ok && r.page).toMatchObject({ text: 'recognised text', source: 'pdf-ocr' });
  });

  it('takes a scan from the cache without asking again', async () => {
    const d = deps(makePdf([[]]), { cachedText: vi.fn(async () => 'cached words') });
    const r = await readPdfTab(URL_, {}, d);
    expect(r.ok && r.page.text).toBe('cached words');
    expect(d.ocr).not.toHaveBeenCalled();
  });

  it('keeps an upload failure with its Kimi failure', async () => {
    const failure = { ok: false as const, failure: { reason: 'upload-failed' as const }, kimiFailure: { kind: 'http' as const, status: 429 } };
    const d = deps(makePdf([[]]), { ocr: vi.fn(async () => failure) });
    expect(await readPdfTab(URL_, { ocr: true }, d)).toEqual({
      ok: false,
      doc: { step: 'failed', url: URL_, failure: { reason: 'upload-failed' }, kimiFailure: { kind: 'http', status: 429 } },
    });
  });

  it('asks for a password, passes it on, says when it was wrong, and remembers a right one', async () => {
    const seen: (string | undefined)[] = [];
    const extract = vi.fn(async (_b: Uint8Array, o: { password?: string }) => {
      seen.push(o.password);
      if (o.password === 'open sesame') return extractPdfText(textPdf(1), { pdfjs: loadNodePdfjs });
      throw new DocumentError(o.password ? 'password-wrong' : 'password-needed');
    });
    const d = deps(textPdf(1), { extract });
    expect(await readPdfTab(URL_, {}, d)).toEqual({ ok: false, doc: { step: 'password', url: URL_, wrong: false } });
    expect(await readPdfTab(URL_, { password: 'guess' }, d)).toEqual({ ok: false, doc: { step: 'password', url: URL_, wrong: true } });
    expect((await readPdfTab(URL_, { password: 'open sesame' }, d)).ok).toBe(true);
    expect((await readPdfTab(URL_, { fresh: true }, d)).ok).toBe(true);
    expect(seen).toEqual([undefined, 'guess', 'open sesame', 'open sesame']);
  });

  it.each([
    ['a corrupt file', corruptPdf(), 'corrupt'],
    ['zero bytes', new Uint8Array(0), 'empty-file'],
    ['something else', new TextEncoder().encode('<html>not a pdf</html>'), 'not-pdf'],
  ])('says why %s cannot be read', async (_name, bytes, reason) => {
    const r = await readPdfTab(URL_, {}, deps(bytes));
    expect(r.ok ? null : r.doc.step === 'failed' && r.doc.failure.reason).toBe(reason);
  });

  it('passes a download failure on (fetch-permission: the panel offers to allow the site)', async () => {
    const d = deps(new Uint8Array(), { fetchBytes: vi.fn(async () => Promise.reject(new DocumentError('fetch-permission', 'TypeError'))) });
    const r = await readPdfTab(URL_, {}, d);
    expect(r).toEqual({ ok: false, doc: { step: 'failed', url: URL_, failure: { reason: 'fetch-permission', detail: 'TypeError' } } });
  });
});

describe('pdfName', () => {
  it('takes the last path segment, decoded, or a fallback', () => {
    expect(pdfName('https://x.org/a/My%20Paper.pdf?x=1')).toBe('My Paper.pdf');
    expect(pdfName('https://x.org/')).toBe('document.pdf');
    expect(pdfName('not a url')).toBe('document.pdf');
  });
});
