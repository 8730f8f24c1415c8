// Copies pdf.js's worker and its character maps (CJK PDFs without ToUnicode
// maps need them) from node_modules into the build, under /pdfjs/. Extension
// pages may only run code from the package, so the worker cannot come from a CDN.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

export default defineWxtModule({
  name: 'moonlit:pdf-assets',
  setup(wxt) {
    wxt.hook('build:publicAssets', (_wxt, files) => {
      const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
      files.push({ absoluteSrc: join(root, 'build', 'pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' });
      for (const name of readdirSync(join(root, 'cmaps'))) {
        if (name.endsWith('.bcmap')) files.push({ absoluteSrc: join(root, 'cmaps', name), relativeDest: `pdfjs/cmaps/${name}` });
      }
    });
  },
});
