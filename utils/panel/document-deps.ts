import { fetchPdfBytes } from '../documents/fetch-pdf';
import { getCachedText } from '../documents/doc-cache';
import { sha256Hex } from '../documents/hash';
import { sendMessage } from '../messaging/send';
import { handOver } from '../documents/transfer';
import type { OcrResult } from '../messaging/protocol';
import type { PdfReadDeps } from './document-read';
import { localFileBlocker } from './document-file-access';

/** Kimi's file-extract, through the worker (which holds the key): the bytes go over by IndexedDB. */
export async function ocrInWorker(bytes: Uint8Array, name: string): Promise<OcrResult> {
  try {
    const transferId = await handOver(bytes);
    return await sendMessage('panel→bg:ocr', { transferId, name });
  } catch (err) {
    return { ok: false, failure: { reason: 'upload-failed', detail: String(err) } };
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
  localBlocker: (url) => localFileBlocker(url),
};
