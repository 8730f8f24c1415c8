// npm run bench:extract — extraction quality (4-token-shingle F1) and speed in
// real Chromium: Moonlit's pipeline vs plain Readability vs Defuddle (core
// parse()), all on the same loaded page in the same run. Needs ../shared/corpus;
// skips (exit 0) without it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { loadCorpora, startServer } from './extract-corpus.mjs';
import { report } from './extract-report.mjs';

const repo = resolve(import.meta.dirname, '../..');
const corpus = resolve(repo, '../shared/corpus');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = process.env.BENCH_ONLY; // substring filter on page ids, for tuning
const SET = process.env.BENCH_SET; // one corpus only, for tuning

if (!existsSync(join(corpus, 'article-benchmark')) && !existsSync(join(corpus, 'readability'))) {
  console.log(`bench:extract skipped: no corpus at ${corpus} (the benchmark reads ../shared/corpus).`);
  const jsonAt = process.argv.indexOf('--json');
  if (jsonAt > 0) (await import('node:fs')).writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ bench: 'extract', skipped: `no corpus at ${corpus}` }));
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), 'moonlit-bench-'));
const bundle = join(tmp, 'bench.js');
await build({
  entryPoints: [join(import.meta.dirname, 'extract-entry.ts')],
  bundle: true,
  format: 'iife',
  target: 'chrome120',
  minify: true,
  outfile: bundle,
  logLevel: 'warning',
  alias: { '@': repo },
});

const sets = loadCorpora(corpus)
  .filter((s) => !SET || s.name === SET)
  .map((s) => ({ ...s, pages: s.pages.filter((p) => !ONLY || p.id.includes(ONLY)) }));
const server = await startServer(sets);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--disable-gpu'] });
// Page scripts off, as upstream fetched the pages; nothing leaves loopback.
const context = await browser.newContext({ javaScriptEnabled: false });
await context.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
const page = await context.newPage();
page.on('console', (m) => m.type() === 'error' && process.env.BENCH_VERBOSE && console.error('  page:', m.text()));
const { readFileSync } = await import('node:fs');
const code = readFileSync(bundle, 'utf8');

const results = [];
try {
  for (const set of sets) {
    let done = 0;
    for (const p of set.pages) {
      await page.goto(`${server.origin}/${set.name}/${p.id}.html`, { waitUntil: 'load', timeout: 30_000 });
      await page.evaluate(code);
      const truth = p.truth ?? (await page.evaluate((html) => globalThis.__moonlitBench.htmlText(html), p.expectedHtml));
      const runs = await page.evaluate((rounds) => globalThis.__moonlitBench.runAll(rounds), ROUNDS);
      results.push({ set: set.name, id: p.id, truth, runs, bytes: p.bytes });
      if (++done % 25 === 0) process.stderr.write(`  ${set.name}: ${done}/${set.pages.length}\n`);
    }
  }
} finally {
  await browser.close();
  server.close();
  rmSync(tmp, { recursive: true, force: true });
}
const summary = report(results);
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  mkdirSync(dirname(process.argv[jsonAt + 1]), { recursive: true });
  writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ bench: 'extract', rounds: ROUNDS, ...summary }, null, 2));
}
