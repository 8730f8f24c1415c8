import { readFileSync } from 'node:fs';
import { loadNodePdfjs } from '../../utils/documents/pdfjs-node';
import { layoutPage } from '../../utils/documents/page-layout';
import { TEXT_ONLY_OPTIONS } from '../../utils/documents/pdfjs-env';
const f = process.argv[2];
const env = await loadNodePdfjs();
for (const opts of [{}, TEXT_ONLY_OPTIONS]) {
const t0 = performance.now();
const doc = await env.getDocument({ ...env.docOptions, ...opts, data: new Uint8Array(readFileSync('/work/shared/corpus/pdf/' + f)), verbosity: 0 }).promise;
let lay = 0;
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n);
  const tc = await page.getTextContent();
  const t1 = performance.now();
  const items = tc.items.filter((i) => i.transform).map((i) => ({ str: i.str!, x: i.transform![4], y: i.transform![5], w: i.width ?? 0, h: i.height || Math.hypot(i.transform![2], i.transform![3]) }));
  layoutPage(items, page.view as any);
  lay += performance.now() - t1;
}
console.log(JSON.stringify(opts), 'total', Math.round(performance.now() - t0), 'layout', Math.round(lay));
}
