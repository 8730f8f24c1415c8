import type { ExtractResult } from '../messaging/types';
import type { PdfRead } from './document-read';
import type { PdfNeed, TabRead } from '../sources/tab-fresh';

/** What an added PDF tab needs before it can be read here, from where reading it stopped. */
export function pdfNeed(doc: Extract<PdfRead, { ok: false }>['doc']): PdfNeed {
  return doc.step === 'password' ? 'pdf-password' : doc.step === 'consent' ? 'pdf-scan' : 'pdf-failed';
}

/**
 * Another tab as a source: a web page read by its page reader (through the worker); a PDF read here with pdf.js as
 * the panel reads its own tab's, its text carrying its "--- Page N ---" markers. A PDF that needs a password or
 * consent to text recognition is not read: what it needs is said (it is given in that PDF's own tab).
 */
export async function readTabSource(
  tabId: number,
  known: string | undefined,
  deps: { extract(tabId: number, known?: string): Promise<ExtractResult>; readPdf(url: string): Promise<PdfRead> },
): Promise<TabRead> {
  const result = await deps.extract(tabId, known);
  if (result.ok !== 'pdf') return result;
  const read = await deps.readPdf(result.url);
  return read.ok ? { ok: true, page: read.page } : { ok: 'pdf-need', need: pdfNeed(read.doc) };
}
