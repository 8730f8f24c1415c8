// pdf.js for Node (unit tests and `npm run bench:pdf`): the legacy build, which runs on Node 20.
// Never imported by extension code.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfjsEnv } from './pdfjs-env';

let loading: Promise<PdfjsEnv> | undefined;

export function loadNodePdfjs(): Promise<PdfjsEnv> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((lib) => {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return {
      getDocument: (src) => lib.getDocument(src) as unknown as ReturnType<PdfjsEnv['getDocument']>,
      docOptions: { cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts') + '/' },
    };
  });
  return loading;
}
