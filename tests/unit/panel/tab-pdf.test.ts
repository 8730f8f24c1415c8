import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../../utils/messaging/types';
import { forgetPdfReads, readPdfTab, type PdfReadDeps } from '../../../utils/panel/document-read';
import { readTabSource } from '../../../utils/panel/tab-read';
import { questionPassages, requestTabs } from '../../../utils/panel/tab-plan';
import { tabMessages } from '../../../utils/kimi/prompt-tabs';
import { addedTabOf, isTabTexts, refreshTab } from '../../../utils/sources/tab-fresh';
import { extractPdfText } from '../../../utils/documents/pdf-text';
import { loadNodePdfjs } from '../../../utils/documents/pdfjs-node';
import { DocumentError } from '../../../utils/documents/types';
import { makePdf, textPdf } from '../documents/make-pdf';

// Another tab showing a PDF, added to a question: read in the panel with pdf.js as the panel's own PDF tab is
// (real pdf.js, Node's build, on generated PDFs), carried with its page markers; what it needs when it can't be.
const PDF_URL = 'http://127.0.0.1:9/papers/report.pdf';

function pdfDeps(bytes: Uint8Array, over: Partial<PdfReadDeps> = {}): PdfReadDeps {
  return {
    fetchBytes: vi.fn(async () => bytes),
    extract: (b, o) => extractPdfText(b, { ...o, pdfjs: loadNodePdfjs }),
    cachedText: async () => null,
    ocr: async () => ({ ok: true, text: 'recognised', cached: false }),
    ocrPages: async () => ({ texts: new Map() }),
    ...over,
  };
}
/** The worker's answer for a tab that shows the PDF, and the panel's reading of it. */
const pdfTab = (deps: PdfReadDeps) => ({
  extract: vi.fn(async (): Promise<ExtractResult> => ({ ok: 'pdf', url: PDF_URL })),
  readPdf: (url: string) => readPdfTab(url, {}, deps),
});

beforeEach(() => forgetPdfReads());

describe('a PDF tab as a source', () => {
  it('is read here with pdf.js: its text with page markers, its title, marked as a PDF', async () => {
    const r = await readTabSource(9, undefined, pdfTab(pdfDeps(textPdf(2, 'Quarterly Notes'))));
    expect(r.ok).toBe(true);
    if (r.ok !== true) return;
    expect(r.page).toMatchObject({ url: PDF_URL, title: 'Quarterly Notes', source: 'pdf' });
    expect(r.page.text).toMatch(/^--- Page 2 ---$/m);
  });

  it('a web page goes through as the worker read it: the PDF reader is not loaded', async () => {
    const readPdf = vi.fn();
    const page = { url: 'http://127.0.0.1:9/a', title: 'A', text: 'Alpha.', selection: '' };
    expect(await readTabSource(9, 'r1', { extract: async () => ({ ok: true, page }), readPdf })).toEqual({ ok: true, page });
    expect(readPdf).not.toHaveBeenCalled();
  });

  it('says what a PDF needs when it cannot be read here: a password, consent to recognition, or nothing helps', async () => {
    const locked = pdfDeps(textPdf(1), {
      extract: async () => {
        throw new DocumentError('password-needed');
      },
    });
    expect(await readTabSource(9, undefined, pdfTab(locked))).toEqual({ ok: 'pdf-need', need: 'pdf-password' });
    forgetPdfReads();
    expect(await readTabSource(9, undefined, pdfTab(pdfDeps(makePdf([[]]))))).toEqual({ ok: 'pdf-need', need: 'pdf-scan' });
    forgetPdfReads();
    expect(await readTabSource(9, undefined, pdfTab(pdfDeps(new TextEncoder().encode('not a pdf'))))).toEqual({ ok: 'pdf-need', need: 'pdf-failed' });
  });

  it('before a question: an unchanged PDF is kept as read (not fetched again); one that now needs a password keeps its text', async () => {
    const deps = pdfDeps(textPdf(2, 'Quarterly Notes'));
    const first = await readTabSource(9, undefined, pdfTab(deps));
    if (first.ok !== true) throw new Error('not read');
    const added = addedTabOf(9, first.page);
    const read = (id: number, known?: string) => readTabSource(id, known, pdfTab(deps));
    expect(await refreshTab(added, read)).toEqual(added);
    expect(deps.fetchBytes).toHaveBeenCalledTimes(1);
    forgetPdfReads();
    const locked = pdfDeps(textPdf(1), {
      extract: async () => {
        throw new DocumentError('password-needed');
      },
    });
    const later = await refreshTab(added, (id, known) => readTabSource(id, known, pdfTab(locked)));
    expect(later).toMatchObject({ text: added.text, status: 'unreadable' });
  });

  it('goes marked as a PDF, and the prompt and the panel number its passages alike, each with its page', async () => {
    const r = await readTabSource(9, undefined, pdfTab(pdfDeps(textPdf(3, 'Quarterly Notes'))));
    if (r.ok !== true) throw new Error('not read');
    const html = addedTabOf(8, { url: 'http://127.0.0.1:9/h', title: 'H', text: 'Intro.\n--- Page 7 ---\nPosing as a PDF.', selection: '' });
    const tabs = requestTabs([html, addedTabOf(9, r.page)], { tabs: [] });
    // Only the PDF read here carries the flag: a web page's "--- Page N ---" line is just text.
    expect(tabs.map((t) => t.pdf)).toEqual([undefined, true]);
    expect(isTabTexts(tabs)).toBe(true);
    const withIds = tabs.map((t, i) => ({ ...t, tabId: [8, 9][i] }));
    const panel = questionPassages(undefined, withIds);
    const prompt = tabMessages({ tabs, citations: { first: 1 } })
      .map((m) => m.content)
      .join('\n');
    const numbers = [...prompt.matchAll(/^\[P(\d+)\]/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(panel.map((p) => p.n));
    const fromPdf = panel.filter((p) => p.tab?.tabId === 9);
    expect(fromPdf.length).toBeGreaterThanOrEqual(3);
    // Each number opens the passage the panel links to it: a page marker is not part of a passage.
    for (const p of fromPdf) expect(prompt).toContain(`[P${p.n}] ${p.quote.slice(0, 30)}`);
    expect(new Set(fromPdf.map((p) => p.page))).toEqual(new Set([1, 2, 3]));
    expect(panel.filter((p) => p.tab?.tabId === 8).every((p) => p.page === undefined)).toBe(true);
  });

  it("the worker's check takes only `pdf: true`", () => {
    const tab = { title: 'T', url: 'http://127.0.0.1/x.pdf', text: 'x', coverage: 1 };
    expect(isTabTexts([{ ...tab, pdf: true }])).toBe(true);
    expect(isTabTexts([{ ...tab, pdf: 'yes' }])).toBe(false);
    expect(isTabTexts([{ ...tab, pdf: false }])).toBe(false);
  });
});
