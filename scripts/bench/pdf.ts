// npm run bench:pdf — local text extraction time for each corpus PDF (../shared/corpus/pdf), in Node with
// pdf.js's legacy build. Baseline, measured in the same run on the same file: pdf.js getTextContent for every
// page and nothing else. "ours" = extractPdfText (layout, columns, clean-up, quality check). Median of RUNS.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractPdfText } from '../../utils/documents/pdf-text';
import { loadNodePdfjs } from '../../utils/documents/pdfjs-node';
import { TEXT_ONLY_OPTIONS } from '../../utils/documents/pdfjs-env';
import { summarize, ratio } from './lib/stats';
import { writeResults } from './lib/cli';

const DIR = resolve('..', 'shared', 'corpus', 'pdf');
const RUNS = Number(process.env.RUNS ?? 3);
const PASSWORDS: Record<string, string> = { 'issue3371.pdf': 'ELXRTQWS' }; // from the corpus README
const TARGET = { file: 'freeculture.pdf', ms: 5000 };

if (!existsSync(DIR)) {
  console.log(`bench:pdf skipped: no corpus at ${DIR}`);
  writeResults('pdf', { skipped: `no corpus at ${DIR}` });
  process.exit(0);
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

async function baseline(bytes: Uint8Array, password?: string): Promise<number> {
  const env = await loadNodePdfjs();
  const t0 = performance.now();
  const task = env.getDocument({ ...TEXT_ONLY_OPTIONS, ...env.docOptions, data: bytes.slice(), password });
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages; n++) await (await doc.getPage(n)).getTextContent();
  } catch {
    // the corrupt file: time to failure
  } finally {
    await task.destroy();
  }
  return performance.now() - t0;
}

async function ours(bytes: Uint8Array, password?: string): Promise<{ ms: number; pages: number | string; chars: number }> {
  const t0 = performance.now();
  try {
    const r = await extractPdfText(bytes, { pdfjs: loadNodePdfjs, password });
    return { ms: performance.now() - t0, pages: r.pageCount, chars: r.text.length };
  } catch (e) {
    return { ms: performance.now() - t0, pages: (e as { failure?: { reason: string } }).failure?.reason ?? 'error', chars: 0 };
  }
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.pdf'))
  .sort();
await ours(new Uint8Array(readFileSync(join(DIR, files[0])))); // warm up pdf.js and the JIT
const rows: string[][] = [];
const figures: {
  file: string;
  pages: number | string;
  chars: number;
  baseline: ReturnType<typeof summarize>;
  ours: ReturnType<typeof summarize>;
  ratio: number | null;
}[] = [];
let targetMs: number | undefined;
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(join(DIR, f)));
  const base: number[] = [];
  const mine: number[] = [];
  let last = { pages: 0 as number | string, chars: 0 };
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order so machine load affects both alike.
    if (i % 2) base.push(await baseline(bytes, PASSWORDS[f]));
    const o = await ours(bytes, PASSWORDS[f]);
    mine.push(o.ms);
    last = o;
    if (!(i % 2)) base.push(await baseline(bytes, PASSWORDS[f]));
  }
  const m = median(mine);
  const b = median(base);
  if (f === TARGET.file) targetMs = m;
  rows.push([f, String(last.pages), String(last.chars), b.toFixed(0), m.toFixed(0), (m / b).toFixed(2)]);
  figures.push({ file: f, pages: last.pages, chars: last.chars, baseline: summarize(base), ours: summarize(mine), ratio: ratio(m, b) });
}
const head = ['file', 'pages', 'chars', 'getTextContent ms', 'extractPdfText ms', 'ratio'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
console.log(`bench:pdf — median of ${RUNS} runs, Node ${process.version}, corpus ${DIR}\n`);
console.log(line(head));
for (const r of rows) console.log(line(r));
if (targetMs !== undefined) {
  console.log(`\n${TARGET.file}: ${(targetMs / 1000).toFixed(2)} s (target ≤ ${TARGET.ms / 1000} s) ${targetMs <= TARGET.ms ? 'OK' : 'OVER TARGET'}`);
}
writeResults('pdf', {
  runs: RUNS,
  node: process.version,
  unit: 'ms per file',
  baseline: 'pdf.js getTextContent for every page, same file, same run',
  files: figures,
  target: { ...TARGET, measuredMs: targetMs ?? null, met: targetMs === undefined ? null : targetMs <= TARGET.ms },
});
