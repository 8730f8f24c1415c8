import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
const dir='/work/shared/corpus/pdf/';
for (const f of process.argv.slice(2)) {
  const data = new Uint8Array(readFileSync(dir+f));
  const t0=performance.now();
  try {
    const doc = await getDocument({ data, cMapUrl: 'node_modules/pdfjs-dist/cmaps/', cMapPacked: true, verbosity: 0, password: process.env.PW }).promise;
    let chars=0; let sample='';
    for (let i=1;i<=doc.numPages;i++){ const p=await doc.getPage(i); const tc=await p.getTextContent(); const s=tc.items.map(x=>x.str??'').join(i<3?'|':''); chars+=s.length; if(i<=1) sample+=s.slice(0,600); if(i===1) console.log(JSON.stringify(tc.items.slice(0,8).map(x=>({s:x.str,t:x.transform?.map(n=>Math.round(n)),w:Math.round(x.width),h:Math.round(x.height),e:x.hasEOL}))));}
    const md = await doc.getMetadata().catch(()=>null);
    console.log(f, doc.numPages, chars, Math.round(performance.now()-t0)+'ms', md?.info?.Title, JSON.stringify(sample));
    await doc.destroy();
  } catch(e){ console.log(f, 'ERR', e.name, e.code, e.message); }
}
