#!/usr/bin/env node
// npm run bench:render — streams a 48 KiB Markdown answer in 40-character deltas into
// MarkdownView and into a naive renderer (marked.parse + DOMPurify + innerHTML of the
// whole text per delta) in headless Chromium, and compares main-thread cost from a trace.
// Then streams the same answer from the simulator into the real panel of the e2e build
// (render-panel.ts) and puts it next to the naive numbers of this same run.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { analyse, tableHead, tableRow, TRACE_CATEGORIES } from './render-trace.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const BYTES = 48 * 1024,
  DELTA = 40,
  GAP_MS = 4;
// Harness runs per renderer (interleaved); the figures are the medians, with min–max as the spread.
const RUNS = Math.max(1, Number(process.env.BENCH_RENDER_RUNS ?? process.env.BENCH_RUNS ?? 3));
// Real-panel runs (each a fresh browser with the e2e build); the same medians and spread.
const PANEL_RUNS = Math.max(1, Number(process.env.BENCH_RENDER_PANEL_RUNS ?? RUNS));
const dir = mkdtempSync(join(tmpdir(), 'moonlit-bench-'));

await build({
  entryPoints: { harness: join(repo, 'scripts/bench/render-harness.tsx') },
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  outdir: dir,
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { '@': repo, 'wxt/browser': join(repo, 'scripts/bench/lib/i18n-stub.ts') },
  logLevel: 'error',
});
writeFileSync(
  join(dir, 'index.html'),
  '<!doctype html><html><head><meta charset="utf-8">' +
    '<link rel="stylesheet" href="harness.css"><style>body{width:360px}</style></head>' +
    '<body><div id="root"></div><script type="module" src="harness.js"></script></body></html>',
);
const chunks = readdirSync(dir)
  .filter((f) => f.endsWith('.js'))
  .map((f) => `${f} ${(statSync(join(dir, f)).size / 1024).toFixed(1)} KiB`);

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  try {
    const file = join(dir, new URL(req.url, 'http://x').pathname.replace(/^\/+/, '') || 'index.html');
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/index.html${process.env.BENCH_DETAIL ? '?detail' : ''}`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, timeout: 60_000 });
const samples = {};
try {
  for (let run = 0; run < RUNS; run++)
    for (const kind of process.env.BENCH_ONLY ? [process.env.BENCH_ONLY] : ['naive', 'incremental']) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => typeof window.bench === 'function', null, { timeout: 30_000 });
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const info = await page.evaluate(([k, b, d, g]) => window.bench(k, b, d, g), [kind, BYTES, DELTA, GAP_MS]);
      const trace = JSON.parse((await browser.stopTracing()).toString());
      if (process.env.BENCH_DETAIL && kind === 'incremental')
        console.log('slowest MarkdownView frames (sync part):', JSON.stringify(await page.evaluate(() => window.benchFrames())));
      (samples[kind] ??= []).push({ ...info, ...analyse(trace.traceEvents ?? trace) });
      await page.close();
    }
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

/** The same 48 KiB answer from the simulator into the real panel (e2e build), in a child process (TypeScript). */
function runPanel() {
  if (process.env.BENCH_SKIP_PANEL) return Promise.resolve(null);
  return new Promise((resolve) => {
    const child = spawn(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'scripts/bench/render-panel.ts')], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('close', () => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) console.error(`the real-panel run gave no result:\n${out.slice(-2000)}`);
      else if (process.env.BENCH_DETAIL)
        console.log(
          out
            .split('\n')
            .filter((l) => !l.startsWith('RESULT '))
            .join('\n'),
        );
      resolve(line ? JSON.parse(line.slice(7)) : null);
    });
  });
}

/** The run with the median CPU total stands for the renderer; every number also gets its median and min–max over the runs. */
function combine(runs) {
  if (!runs?.length) return undefined;
  const byCpu = [...runs].sort((a, b) => a.totalCpu - b.totalCpu);
  const typical = byCpu[(byCpu.length - 1) >> 1];
  const spread = {};
  for (const k of ['total', 'totalCpu', 'longest', 'longestCpu', 'p95']) {
    const xs = runs.map((r) => r[k]).sort((a, b) => a - b);
    const mid = xs.length >> 1;
    spread[k] = { n: xs.length, median: xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2, min: xs[0], max: xs[xs.length - 1] };
  }
  return {
    ...typical,
    runs: runs.length,
    spread,
    total: spread.total.median,
    totalCpu: spread.totalCpu.median,
    longest: spread.longest.max,
    longestCpu: spread.longestCpu.max,
  };
}
const results = { naive: combine(samples.naive), incremental: combine(samples.incremental) };

const panelRuns = [];
for (let i = 0; i < PANEL_RUNS; i++) {
  const one = await runPanel();
  if (one) panelRuns.push(one);
}
const panel = combine(panelRuns) ?? null;
const empty = { total: NaN, totalCpu: NaN, longest: NaN, longestCpu: NaN, over50: 0, over50Cpu: 0, paints: 0, p95: NaN, top: '', longTasks: [] };
const n = results.naive ?? empty,
  m = results.incremental ?? empty,
  p = panel ?? empty;
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
console.log(
  `answer ${m.length} chars in ${m.deltas} deltas of ${DELTA}; Chromium headless; ${RUNS} harness runs per renderer (totals: medians; longest: the longest of any run); load average ${load} on ${cpus().length} cores`,
);
console.log(`bundle chunks: ${chunks.join(', ')}`);
console.log('\n1) harness page: one delta per task, 4 ms apart, straight into the renderer');
for (const l of tableHead()) console.log(l);
console.log(tableRow('naive', n));
console.log(tableRow('MarkdownView', m));
console.log(
  `MarkdownView / naive: cpu ${((m.totalCpu / n.totalCpu) * 100).toFixed(1)} %, wall clock ${((m.total / n.total) * 100).toFixed(1)} % (target ≤ 5 %); longest task cpu ${m.longestCpu.toFixed(1)} ms, wall clock ${m.longest.toFixed(1)} ms`,
);
console.log(
  `\n2) real panel (e2e build, sidepanel.html?tabId=N), ${panelRuns.length} runs: the simulator streams the same answer, chunkSize ${DELTA}, ${p.gapMs ?? '?'} ms apart, ${p.warm ?? '?'} KaTeX`,
);
for (const l of tableHead()) console.log(l);
console.log(tableRow('naive (harness, above)', n));
console.log(tableRow('real panel', p));
// Judged by main-thread CPU time: on a loaded machine a task's wall time also counts the time the renderer
// sat descheduled, which says nothing about Moonlit. Wall-clock figures are reported next to them. Traces
// without thread times (tdur) fall back to wall time.
const hasCpu = p.totalCpu > 0 && n.totalCpu > 0;
const ratio = hasCpu ? p.totalCpu / n.totalCpu : p.total / n.total;
const ratioWall = p.total / n.total;
const longestJudged = hasCpu ? p.longestCpu : p.longest;
const ratioOk = ratio <= 0.05;
const longestOk = longestJudged <= 50;
console.log(`real panel / naive, main-thread CPU: ${(ratio * 100).toFixed(1)} % (target ≤ 5 %; wall clock ${(ratioWall * 100).toFixed(1)} %)`);
console.log(
  `real panel longest task: cpu ${p.longestCpu.toFixed(1)} ms (target ≤ 50 ms), wall clock ${p.longest.toFixed(1)} ms; tasks over 50 ms: ${p.over50Cpu ?? '–'} by cpu, ${p.over50} by wall clock`,
);
if (hasCpu && p.longest > 50 && p.longestCpu <= 50)
  console.log(`note: wall-clock tasks over 50 ms with ≤ 50 ms of CPU are time spent descheduled (load average ${load} on ${cpus().length} cores), not work.`);
if (panel) console.log(`panel checks: status ${p.status}, math elements ${p.math}, copy buttons ${p.copy}`);
if (process.env.BENCH_DETAIL) {
  console.log(`naive: ${n.top}\nMarkdownView: ${m.top}\nreal panel: ${p.top}`);
  console.log(`longest MarkdownView tasks:\n  ${m.longTasks.join('\n  ')}\nlongest real-panel tasks:\n  ${p.longTasks.join('\n  ')}`);
}
console.log(`checks: math elements ${m.math}, copy buttons ${m.copy}`);
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) {
  const strip = ({ top, longTasks, ...rest }) => rest;
  writeFileSync(
    process.argv[jsonAt + 1],
    JSON.stringify(
      {
        bench: 'render',
        bytes: BYTES,
        deltaChars: DELTA,
        harnessRuns: RUNS,
        panelRuns: panelRuns.length,
        loadAverage: load,
        cores: cpus().length,
        naive: strip(n),
        markdownView: strip(m),
        panel: panel && strip(p),
        judgedBy: hasCpu ? 'main-thread CPU time' : 'wall clock (no CPU times in the trace)',
        panelVsNaive: ratio,
        panelVsNaiveWall: ratioWall,
        harnessVsNaive: hasCpu ? m.totalCpu / n.totalCpu : m.total / n.total,
        harnessVsNaiveWall: m.total / n.total,
        targetRatio: 0.05,
        targetLongestMs: 50,
        checks: { ratio: ratioOk, longestTask: longestOk },
      },
      null,
      2,
    ),
  );
}
if (loadavg()[0] > cpus().length) {
  console.log(
    'note: the load average is above the core count, so wall times include time the renderer spent descheduled; the (cpu) columns are its own CPU time.',
  );
}
process.exitCode = ratioOk && longestOk ? 0 : 1;
