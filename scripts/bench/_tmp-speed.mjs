import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
const data0 = readFileSync('/work/shared/corpus/pdf/freeculture.pdf');
async function run(label, opts, conc, tcOpts={}) {
  const data = new Uint8Array(data0);
  const t0 = performance.now();
  const doc = await getDocument({ data, cMapUrl: 'node_modules/pdfjs-dist/cmaps/', cMapPacked: true, verbosity: 0, ...opts }).promise;
  let n = 0;
  const pages = Array.from({length: doc.numPages}, (_, i) => i + 1);
  let next = 0;
  async function worker(){ while(next < pages.length){ const i = pages[next++]; const p = await doc.getPage(i); const tc = await p.getTextContent(tcOpts); n += tc.items.length; p.cleanup(); } }
  await Promise.all(Array.from({length: conc}, worker));
  await doc.destroy();
  console.log(label, conc, Math.round(performance.now() - t0), n);
}
await run('warm', {}, 1);
await run('base', {}, 1);
await run('base', {}, 4);
await run('nofont', { disableFontFace: true, useSystemFonts: false, isEvalSupported: false }, 4);
await run('stopAtErrors', { stopAtErrors: false, disableFontFace: true, useSystemFonts: false }, 8);
await run('disableNorm', {}, 4, { disableNormalization: true });
