// npm run bench:scaling — how the cost grows with the work:
//   extraction (utils/extract extractPage) on generated pages of 100 KB – 10 MB, in Chromium;
//   token estimation (estimateTokens) and prompt building (buildChatBody) for 10k – 1M characters, in Node;
//   rendering answers of 4 – 200 KB streamed in 40-character deltas into MarkdownView, in Chromium;
//   the panel's JS heap with a 100-message conversation (e2e build, stored conversation), in Chromium.
// Each has a bare baseline measured in the same run. `--only extract,tokens,render,memory` picks sections.
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { estimateTokens, forgetTokenEstimates } from '../../utils/kimi/tokens';
import { buildChatBody } from '../../utils/kimi/request';
import { articleHtml, markdownAnswer, proseText } from './lib/article';
import { startPageServer } from './lib/page-server';
import { linearity, ratio, summarize, type Summary } from './lib/stats';
import { log, writeResults } from './lib/cli';
import { panelMemory } from './lib/panel-memory';

const repo = resolve(import.meta.dirname, '../..');
const KB = 1024;
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? process.argv[onlyArg + 1].split(',') : ['extract', 'tokens', 'render', 'memory'];

interface Row {
  size: number;
  ours: Summary;
  base: Summary;
  ratio: number | null;
  [k: string]: unknown;
}
// The growth fit uses each size's fastest run: on a shared machine noise only ever adds time.
const table = (rows: Row[]) => ({ rows, linearity: linearity(rows.map((r) => ({ size: r.size, time: r.ours.min }))) });

async function bundle(dir: string): Promise<string> {
  const outfile = join(dir, 'scaling.js');
  await build({
    entryPoints: [join(import.meta.dirname, 'lib/scaling-entry.tsx')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    minify: true,
    outfile,
    logLevel: 'error',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.FIREFOX': 'false', 'import.meta.env.MODE': '"production"' },
    alias: { '@': repo, 'wxt/browser': join(import.meta.dirname, 'lib/i18n-stub.ts') },
  });
  return readFileSync(outfile, 'utf8');
}

async function extraction(browser: Browser, code: string) {
  const sizes = [100 * KB, 300 * KB, 1024 * KB, 3 * 1024 * KB, 10 * 1024 * KB];
  const site = await startPageServer();
  const page = await browser.newPage();
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      site.set('/page.html', articleHtml(size, { seed: size }));
      await page.goto(site.url('/page.html'), { timeout: 120_000 });
      await page.evaluate(code);
      const n = size >= 3 * 1024 * KB ? 5 : 11;
      await page.evaluate('__scaling.extract(1)'); // warm-up
      const r = (await page.evaluate(`__scaling.extract(${n})`)) as { ours: number[]; base: number[]; chars: number };
      const ours = summarize(r.ours);
      const base = summarize(r.base);
      rows.push({ size, ours, base, ratio: ratio(ours.median, base.median), textChars: r.chars });
      log(`  extract ${(size / KB).toFixed(0)} KB: ${ours.median} ms (innerText ${base.median} ms), ${r.chars} chars`);
    }
  } finally {
    await page.close();
    await site.close();
  }
  return { unit: 'bytes of HTML', baseline: 'document.body.innerText on the same page', ...table(rows) };
}

function timeNode(n: number, fn: () => unknown): number[] {
  fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** The bare minimum over a string: one charCodeAt pass. */
function charPass(text: string): number {
  let s = 0;
  for (let i = 0; i < text.length; i++) s += text.charCodeAt(i) & 1;
  return s;
}

function tokensAndPrompt() {
  const sizes = [10_000, 30_000, 100_000, 300_000, 1_000_000];
  const est: Row[] = [];
  const prompt: Row[] = [];
  for (const size of sizes) {
    // A mix like real pages: English prose with some Chinese, so every branch of the estimator runs.
    const mixed = proseText(Math.round(size * 0.9)) + '潮汐表记录了每一次大潮。'.repeat(Math.ceil((size * 0.1) / 12)).slice(0, size - Math.round(size * 0.9));
    // Flat, like page text that arrived by message (a concatenation would stay a slower rope).
    const text = JSON.parse(JSON.stringify(mixed)) as string;
    const n = size >= 300_000 ? 11 : 31;
    const base = summarize(timeNode(n, () => charPass(text)));
    // Each timed estimate is a first one: estimateTokens remembers the last long texts it saw.
    const e = summarize(timeNode(n, () => (forgetTokenEstimates(), estimateTokens(text))));
    est.push({ size, ours: e, base, ratio: ratio(e.median, base.median), tokens: estimateTokens(text) });
    const ask = {
      mode: 'ask' as const,
      question: 'What does the page say about the tides?',
      history: [],
      page: { url: 'http://127.0.0.1/x', title: 'Tides', text, selection: '' },
    };
    const p = summarize(
      timeNode(n, () => (forgetTokenEstimates(), buildChatBody({ ask, model: 'kimi-k2.6', now: new Date(0), timeZone: 'UTC', locale: 'en' }))),
    );
    prompt.push({ size, ours: p, base, ratio: ratio(p.median, base.median) });
    log(`  tokens ${size}: estimate ${e.median} ms, buildChatBody ${p.median} ms, char pass ${base.median} ms`);
  }
  const baseline = 'one charCodeAt pass over the same string';
  return { estimateTokens: { unit: 'characters', baseline, ...table(est) }, buildChatBody: { unit: 'characters of page text', baseline, ...table(prompt) } };
}

async function rendering(browser: Browser, code: string) {
  const sizes = [4 * KB, 16 * KB, 48 * KB, 100 * KB, 200 * KB];
  const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
  await page.setContent('<!doctype html><meta charset="utf-8"><div id="root"></div>');
  await page.evaluate(code);
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      const text = markdownAnswer(size);
      const n = size >= 100 * KB ? 5 : 7;
      const ours: number[] = [];
      const base: number[] = [];
      let elements = 0;
      await page.evaluate(
        ([t]) => (globalThis as never as { __scaling: { stream(m: string, t: string, d: number): Promise<unknown> } }).__scaling.stream('markdown', t, 40),
        [text.slice(0, 4096)],
      );
      for (let i = 0; i < n; i++) {
        const m = (await page.evaluate(`__scaling.stream('markdown', ${JSON.stringify(text)}, 40)`)) as { ms: number; elements: number };
        const p = (await page.evaluate(`__scaling.stream('plain', ${JSON.stringify(text)}, 40)`)) as { ms: number };
        ours.push(m.ms);
        base.push(p.ms);
        elements = m.elements;
      }
      const o = summarize(ours);
      const b = summarize(base);
      rows.push({ size, ours: o, base: b, ratio: ratio(o.median, b.median), deltas: Math.ceil(text.length / 40), elements });
      log(`  render ${(size / KB).toFixed(0)} KB: ${o.median} ms (plain text ${b.median} ms), ${elements} elements`);
    }
  } finally {
    await page.close();
  }
  return {
    unit: 'characters of Markdown',
    baseline: 'the same deltas appended as plain text (a new paragraph at each blank line, no Markdown)',
    deltaChars: 40,
    ...table(rows),
  };
}

export async function main() {
  const results: Record<string, unknown> = {};
  const dir = mkdtempSync(join(tmpdir(), 'moonlit-scaling-'));
  let browser: Browser | undefined;
  try {
    if (only.includes('tokens')) Object.assign(results, tokensAndPrompt());
    if (only.includes('extract') || only.includes('render')) {
      const code = await bundle(dir);
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--disable-gpu'] });
      results.browser = browser.version();
      if (only.includes('extract')) results.extraction = await extraction(browser, code);
      if (only.includes('render')) results.rendering = await rendering(browser, code);
    }
    if (only.includes('memory')) results.memory = await panelMemory();
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  writeResults('scaling', results);
  return results;
}

await main();
