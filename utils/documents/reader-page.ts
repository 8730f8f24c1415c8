import { t } from '../i18n';
import { fetchPdfBytes } from './fetch-pdf';
import { documentMessage } from './messages';
import { DocumentError } from './types';

/**
 * pdf-reader.html?src=<PDF URL>: the text Moonlit reads from a PDF, as plain
 * text. Lets a user (and the end-to-end check) see what the model will get.
 * Everything goes in through textContent: the PDF's text is never HTML.
 */
export async function showPdfText(doc: Document, src: string): Promise<void> {
  const status = doc.getElementById('status')!;
  const out = doc.getElementById('text')!;
  doc.title = t('docReaderTitle');
  try {
    const bytes = await fetchPdfBytes(src);
    // pdf.js is loaded only here, as its own chunk.
    const { extractPdfText } = await import('./pdf-text');
    const result = await extractPdfText(bytes, {
      onProgress: (done, total) => (status.textContent = t('docReadingPdf', done, total)),
    });
    if (result.title) doc.title = result.title;
    status.textContent = result.needsOcr ? t('docNeedsOcr') : t('docPdfSummary', result.pageCount, result.text.length);
    out.textContent = result.text;
    doc.body.dataset.state = result.needsOcr ? 'needs-ocr' : 'done';
  } catch (err) {
    const failure = err instanceof DocumentError ? err.failure : { reason: 'corrupt' as const, detail: String(err) };
    status.textContent = documentMessage(failure);
    out.textContent = failure.detail ?? '';
    doc.body.dataset.state = 'failed';
    doc.body.dataset.reason = failure.reason;
  }
}
