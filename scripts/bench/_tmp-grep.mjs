import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
const doc = await getDocument({ data: new Uint8Array(readFileSync('/work/shared/corpus/pdf/freeculture.pdf')), verbosity: 0 }).promise;
let hits=0;
for (let i=1;i<=doc.numPages && hits<15;i++){ const p=await doc.getPage(i); const tc=await p.getTextContent();
  for (const x of tc.items) if (/qxd|\d\d?[SRN]$|^\s*\d{1,2}\s*$/.test(x.str) ) { if (/qxd/.test(x.str)||hits<5) {console.log(i, JSON.stringify(x.str), x.transform.map(n=>Math.round(n)).join(','), JSON.stringify(p.view)); hits++;} }
}
