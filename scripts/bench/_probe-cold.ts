import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { articleHtml } from './lib/article';
import { startPageServer } from './lib/page-server';
await build({ entryPoints: ['scripts/bench/lib/scaling-entry.tsx'], bundle: true, format: 'iife', outfile: '/tmp/sc-probe.js', jsx: 'automatic', jsxImportSource: 'preact', loader: { '.css': 'empty' }, alias: { '@': process.cwd(), 'wxt/browser': process.cwd() + '/scripts/bench/lib/i18n-stub.ts' }, logLevel: 'error' });
const code = readFileSync('/tmp/sc-probe.js', 'utf8');
const site = await startPageServer({ '/a.html': articleHtml(100 * 1024) });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (let k = 0; k < 2; k++) {
  const p = await b.newPage();
  await p.goto(site.url('/a.html'));
  await p.evaluate(code);
  console.log(JSON.stringify(await p.evaluate('__scaling.extract(4)')).replace(/"chars".*/, ''));
  await p.evaluate(code);
  console.log('reinjected', JSON.stringify(await p.evaluate('__scaling.extract(2)')).replace(/"chars".*/, ''));
  await p.close();
}
await b.close(); await site.close();
