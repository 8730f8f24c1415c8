import type { PdfRead, PdfReadOptions } from './document-read';

/**
 * A PDF a tab shows, read here with pdf.js (document-read.ts). The reading code and its dependencies are fetched
 * with the first PDF only: most pages are not one, and they are not part of the panel's first load.
 */
export async function readPdfLazily(url: string, opts: PdfReadOptions = {}): Promise<PdfRead> {
  const [{ readPdfTab }, { panelPdfDeps }] = await Promise.all([import('./document-read'), import('./document-deps')]);
  return readPdfTab(url, opts, panelPdfDeps);
}
