#!/usr/bin/env node
// npm run bench:render — streams a 48 KiB Markdown answer in 40-character deltas into
// MarkdownView and into a naive renderer (marked.parse + DOMPurify + innerHTML of the
// whole text per delta) in headless Chromium, and compares main-thread cost from a trace.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const BYTES = 48 * 1024, DELTA = 40, GAP_MS = 4;
const dir = mkdtempSync(join(tmpdir(), 'moonlit-bench-'));

await build({
  entryPoints: { harness: join(repo, 'scripts/bench/render-harness.tsx') },
  bundle: true, format: 'esm', splitting: true, minify: true, outdir: dir, target: 'es2022',
  jsx: 'automatic', jsxImportSource: 'preact', define: { 'process.env.NODE_ENV': '"production"' },
  alias: { '@': repo, 'wxt/browser': join(repo, 'scripts/bench/i18n-stub.ts') },
  logLevel: 'error',
});
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8">'
  + '<link rel="stylesheet" href="harness.css"><style>body{width:360px}</style></head>'
  + '<body><div id="root"></div><script type="module" src="harness.js"></script></body></html>');
const chunks = readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => `${f} ${(statSync(join(dir, f)).size / 1024).toFixed(1)} KiB`);

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  try {
    const file = join(dir, new URL(req.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html');
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch { res.writeHead(404).end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/index.html`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, timeout: 60_000 });
const results = {};
try {
  for (const kind of (process.env.BENCH_ONLY ? [process.env.BENCH_ONLY] : ['naive', 'incremental'])) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => typeof window.bench === 'function', null, { timeout: 30_000 });
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    const info = await page.evaluate(([k, b, d, g]) => window.bench(k, b, d, g), [kind, BYTES, DELTA, GAP_MS]);
    const trace = JSON.parse((await browser.stopTracing()).toString());
    results[kind] = { ...info, ...analyse(trace.traceEvents ?? trace) };
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Main-thread task totals from the renderer's trace, and main-thread time per painted frame. */
function analyse(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const paints = onMain.filter((e) => e.name === 'Paint' || e.name === 'PrePaint').map((e) => e.ts + e.dur).sort((a, b) => a - b);
  const perPaint = [];
  let t = 0;
  for (const p of paints) {
    let sum = 0;
    while (t < tasks.length && tasks[t].ts < p) sum += tasks[t++].dur;
    if (sum > 0) perPaint.push(sum / 1000);
  }
  perPaint.sort((a, b) => a - b);
  const total = tasks.reduce((s, e) => s + e.dur, 0) / 1000;
  const longest = tasks.reduce((m, e) => Math.max(m, e.dur), 0) / 1000;
  const over50 = tasks.filter((e) => e.dur > 50_000).length;
  const p95 = perPaint.length ? perPaint[Math.min(perPaint.length - 1, Math.floor(perPaint.length * 0.95))] : 0;
  const byName = {};
  for (const e of onMain) if (e.name !== 'RunTask') byName[e.name] = (byName[e.name] ?? 0) + e.dur / 1000;
  const top = Object.entries(byName).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
  return { total, longest, over50, paints: perPaint.length, p95, top };
}

const empty = { total: NaN, longest: NaN, over50: 0, paints: 0, p95: NaN, top: '' };
const n = results.naive ?? empty, m = results.incremental ?? empty;
const row = (name, r) => `| ${name.padEnd(12)} | ${r.total.toFixed(0).padStart(8)} | ${r.longest.toFixed(1).padStart(8)} | ${String(r.over50).padStart(6)} | ${String(r.paints).padStart(6)} | ${r.p95.toFixed(2).padStart(8)} |`;
console.log(`answer ${m.length} chars in ${m.deltas} deltas of ${DELTA} (one task each, ${GAP_MS} ms apart); Chromium headless`);
console.log(`bundle chunks: ${chunks.join(', ')}`);
console.log('| renderer     | total ms | longest  | >50 ms | paints | p95/paint |');
console.log('|--------------|---------:|---------:|-------:|-------:|----------:|');
console.log(row('naive', n));
console.log(row('MarkdownView', m));
const ratio = m.total / n.total;
console.log(`MarkdownView / naive total: ${(ratio * 100).toFixed(1)} % (target ≤ 5 %); longest MarkdownView task ${m.longest.toFixed(1)} ms (target ≤ 50 ms)`);
if (process.env.BENCH_DETAIL) console.log(`naive: ${n.top}\nMarkdownView: ${m.top}`);
console.log(`checks: math elements ${m.math}, copy buttons ${m.copy}`);
process.exitCode = ratio <= 0.05 && m.longest <= 50 ? 0 : 1;
