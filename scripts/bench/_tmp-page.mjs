import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
const [f, pn] = process.argv.slice(2);
const doc = await getDocument({ data: new Uint8Array(readFileSync('/work/shared/corpus/pdf/'+f)), cMapUrl: 'node_modules/pdfjs-dist/cmaps/', cMapPacked: true, verbosity: 0 }).promise;
const p = await doc.getPage(+pn); const tc = await p.getTextContent();
console.log(JSON.stringify(p.view));
for (const x of tc.items) if (x.str!==undefined) console.log(JSON.stringify(x.str), x.transform.map(n=>Math.round(n*10)/10).join(','), Math.round(x.width*10)/10, Math.round(x.height*10)/10, x.hasEOL?'EOL':'', x.fontName);
