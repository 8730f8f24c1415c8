import { readFileSync } from 'node:fs';
import { extractPdfText } from '../../utils/documents/pdf-text';
import { loadNodePdfjs } from '../../utils/documents/pdfjs-node';
for (const f of process.argv.slice(2)) {
  const t0 = performance.now();
  try {
    const r = await extractPdfText(new Uint8Array(readFileSync('/work/shared/corpus/pdf/' + f)), { pdfjs: loadNodePdfjs, password: process.env.PW });
    console.log('=====', f, r.pageCount, Math.round(performance.now() - t0) + 'ms', r.usableTextRatio, r.needsOcr, r.encrypted, r.title, r.emptyPages.slice(0, 10));
    console.log(r.text.slice(0, Number(process.env.N ?? 3000)));
  } catch (e: any) { console.log('=====', f, 'ERR', e.name, e.failure ?? e.message); }
}
