import { browser } from 'wxt/browser';
import type { PdfjsEnv } from './pdfjs-env';

/** Where the build puts pdf.js's worker and character maps (see modules/pdf-assets.ts). */
export const PDF_ASSET_DIR = 'pdfjs';

// The paths are added by a build hook, so they are not in WXT's list of public paths.
const assetUrl = (path: string) => (browser.runtime.getURL as (p: string) => string)(`/${PDF_ASSET_DIR}/${path}`);

let loading: Promise<PdfjsEnv> | undefined;

/**
 * pdf.js for extension pages, imported on first use so it is its own chunk:
 * never in the content script, never in the panel's first load. Its worker
 * comes from the extension package (remote code is not allowed).
 */
export function loadExtensionPdfjs(): Promise<PdfjsEnv> {
  loading ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = assetUrl('pdf.worker.min.mjs');
    return {
      getDocument: (src) => lib.getDocument(src) as unknown as ReturnType<PdfjsEnv['getDocument']>,
      docOptions: { cMapUrl: assetUrl('cmaps/'), cMapPacked: true },
    };
  });
  loading.catch(() => (loading = undefined));
  return loading;
}
