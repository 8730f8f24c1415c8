import type { PdfjsEnv } from './pdfjs-env';

/** The pdf.js calls drawing a page needs (typed structurally, as in pdfjs-env.ts). */
interface RenderablePage {
  getViewport(opts: { scale: number }): { width: number; height: number };
  render(opts: { canvas: HTMLCanvasElement; canvasContext: CanvasRenderingContext2D; viewport: unknown }): { promise: Promise<void> };
  cleanup(): unknown;
}

export interface RenderOptions {
  password?: string;
  /** The document whose canvases draw the pages (the panel's). */
  document: Document;
  /** Where pdf.js comes from; default: the extension's own copy. */
  pdfjs?: () => Promise<PdfjsEnv>;
}

/** About 150 dpi for a letter page, and never more than this many pixels on the long side: enough for OCR. */
const SCALE = 2;
const MAX_SIDE = 2000;

/**
 * Draws the given pages (1-based) one at a time and yields each as a PNG, for text recognition of pages
 * that have no text layer. One canvas at a time keeps a long scan's memory small.
 */
export async function* renderPagesAsPng(bytes: Uint8Array, pages: readonly number[], opts: RenderOptions): AsyncGenerator<{ page: number; png: Uint8Array }> {
  const env = await (opts.pdfjs ?? (await import('./pdfjs-extension')).loadExtensionPdfjs)();
  const task = env.getDocument({ ...env.docOptions, data: bytes.slice(), password: opts.password, isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    for (const n of pages) {
      if (n < 1 || n > doc.numPages) continue;
      const page = (await doc.getPage(n)) as unknown as RenderablePage;
      const base = page.getViewport({ scale: 1 });
      const scale = Math.min(SCALE, MAX_SIDE / Math.max(base.width, base.height));
      const viewport = page.getViewport({ scale });
      const canvas = opts.document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      const context = canvas.getContext('2d')!;
      // A scan on a transparent canvas would be black on black to a recogniser.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas, canvasContext: context, viewport }).promise;
      page.cleanup();
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      canvas.width = canvas.height = 0;
      if (!blob) throw new Error(`page ${n} could not be drawn`);
      yield { page: n, png: new Uint8Array(await blob.arrayBuffer()) };
    }
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
