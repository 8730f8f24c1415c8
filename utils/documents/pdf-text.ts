import type { PageBox, PlacedText } from './layout-types';
import { layoutPage } from './page-layout';
import { TEXT_ONLY_OPTIONS, type PdfDoc, type PdfjsEnv, type PdfTextItem } from './pdfjs-env';
import { looksLikePdf } from './sniff';
import { assessPages } from './text-quality';
import { DocumentError, type PdfResult } from './types';
import { joinPages } from './pdf-pages';

export interface PdfTextOptions {
  password?: string;
  /** Pages done so far, out of the page count. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Where pdf.js comes from. Default: the extension's own copy, loaded on first use. Node passes the legacy build. */
  pdfjs?: () => Promise<PdfjsEnv>;
}

/** Pages asked for at once: pdf.js's worker parses one while we lay out another. */
const IN_FLIGHT = 4;

export { pageMarker } from './pdf-pages';

function placed(items: readonly PdfTextItem[]): PlacedText[] {
  const out: PlacedText[] = [];
  for (const it of items) {
    if (typeof it.str !== 'string' || !it.transform) continue;
    const [a, b, c, d, x, y] = it.transform;
    const h = it.height || Math.hypot(c, d) || Math.hypot(a, b);
    out.push({ str: it.str, x, y, w: it.width ?? 0, h });
  }
  return out;
}

/** pdf.js errors → our reason codes. */
function translate(err: unknown): unknown {
  if (err instanceof DocumentError) return err;
  const e = err as { name?: string; code?: number; message?: string } | null;
  const message = e?.message ?? String(err);
  if (e?.name === 'PasswordException') return new DocumentError(e.code === 2 ? 'password-wrong' : 'password-needed', message);
  if (e?.name === 'AbortError' || e?.name === 'AbortException') return err;
  return new DocumentError('corrupt', message);
}

async function readTitle(doc: PdfDoc): Promise<{ title?: string; encrypted: boolean }> {
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as { Title?: unknown; EncryptFilterName?: unknown };
  // Only the Info dictionary: pdf.js joins XMP's language alternatives into one string.
  const raw = typeof info.Title === 'string' ? info.Title : '';
  return { ...(raw.trim() ? { title: raw.trim() } : {}), encrypted: !!info.EncryptFilterName };
}

/** The text layer of a PDF, page by page, in reading order, with "--- Page N ---" markers. Throws DocumentError. */
export async function extractPdfText(bytes: Uint8Array, opts: PdfTextOptions = {}): Promise<PdfResult> {
  if (!bytes.length) throw new DocumentError('empty-file');
  if (!looksLikePdf(bytes)) throw new DocumentError('not-pdf');
  const env = await (opts.pdfjs ?? (await import('./pdfjs-extension')).loadExtensionPdfjs)();
  // pdf.js takes ownership of (detaches) the buffer it is given: keep the caller's intact.
  const task = env.getDocument({ ...TEXT_ONLY_OPTIONS, ...env.docOptions, data: bytes.slice(), password: opts.password });
  const abort = () => void task.destroy();
  opts.signal?.addEventListener('abort', abort, { once: true });
  try {
    const doc = await task.promise;
    const total = doc.numPages;
    const pages = new Array<string>(total).fill('');
    let next = 1;
    let done = 0;
    const work = async () => {
      while (next <= total) {
        opts.signal?.throwIfAborted();
        const n = next++;
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        pages[n - 1] = layoutPage(placed(content.items), page.view.slice(0, 4) as PageBox);
        page.cleanup();
        opts.onProgress?.(++done, total);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, total) }, work));
    const { title, encrypted } = await readTitle(doc);
    const text = joinPages(pages);
    return { text, pageCount: total, pages, ...assessPages(pages), ...(encrypted ? { encrypted } : {}), ...(title ? { title } : {}) };
  } catch (err) {
    opts.signal?.throwIfAborted();
    throw translate(err);
  } finally {
    opts.signal?.removeEventListener('abort', abort);
    await task.destroy().catch(() => undefined);
  }
}
