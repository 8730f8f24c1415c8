import { fetchPdfBytes } from '../documents/fetch-pdf';
import { getCachedText } from '../documents/doc-cache';
import { sha256Hex } from '../documents/hash';
import { sendMessage } from '../messaging/send';
import { handOver } from '../documents/transfer';
import type { OcrResult } from '../messaging/protocol';
import type { PdfReadDeps } from './document-read';
import { localFileBlocker } from './document-file-access';
import type { PagesOcr } from './textless-pages';

/** Kimi's file-extract, through the worker (which holds the key): the bytes go over by IndexedDB. */
export async function ocrInWorker(bytes: Uint8Array, name: string): Promise<OcrResult> {
  try {
    const transferId = await handOver(bytes);
    return await sendMessage('panel→bg:ocr', { transferId, name });
  } catch (err) {
    return { ok: false, failure: { reason: 'upload-failed', detail: String(err) } };
  }
}

/**
 * Pages without a text layer, drawn as images here (pdf.js, the panel's canvas) and read one at a time by
 * Kimi's file-extract through the worker; each page's image is cached by its bytes like any upload.
 */
async function ocrPagesInWorker(bytes: Uint8Array, pages: number[], name: string, password?: string): Promise<PagesOcr> {
  const texts = new Map<number, string>();
  const stem = name.replace(/\.pdf$/i, '');
  try {
    const { renderPagesAsPng } = await import('../documents/pdf-render');
    for await (const { page, png } of renderPagesAsPng(bytes, pages, { password, document })) {
      const r = await ocrInWorker(png, `${stem}-page-${page}.png`);
      if (r.ok) texts.set(page, r.text);
      // A blank page: recognition found nothing, which is an answer too.
      else if (r.failure.reason === 'ocr-empty') texts.set(page, '');
      else return { texts, failure: r.failure, kimiFailure: r.kimiFailure };
    }
    return { texts };
  } catch (err) {
    return { texts, failure: { reason: 'upload-failed', detail: String(err) } };
  }
}

/** The real parts: the extension fetches the bytes, pdf.js is loaded on first use (its own chunk). */
export const panelPdfDeps: PdfReadDeps = {
  fetchBytes: (url) => fetchPdfBytes(url),
  extract: async (bytes, opts) => {
    const { extractPdfText } = await import('../documents/pdf-text');
    return extractPdfText(bytes, opts);
  },
  cachedText: async (bytes) => (await getCachedText(await sha256Hex(bytes)))?.text ?? null,
  ocr: ocrInWorker,
  ocrPages: (bytes, pages, name, password) => ocrPagesInWorker(bytes, pages, name, password),
  localBlocker: (url) => localFileBlocker(url),
};
