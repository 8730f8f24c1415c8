// Checks, in real Chromium with the built e2e extension (.output/chrome-mv3-e2e), that pdf.js and its
// worker load from the package and read a PDF served from 127.0.0.1: opens pdf-reader.html?src=… and
// waits for the text. Run: npm run build:e2e && npx tsx scripts/bench/pdf.browser-check.ts
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { twoColumnPdf, textPdf, makePdf } from '../../tests/unit/documents/make-pdf';

const EXT = resolve('.output/chrome-mv3-e2e');
const files: Record<string, Uint8Array> = { '/two.pdf': twoColumnPdf(), '/three.pdf': textPdf(3, 'Three'), '/scan.pdf': makePdf([[], []]) };
const checks: [string, string][] = [
  ['/two.pdf', 'done'],
  ['/three.pdf', 'done'],
  ['/scan.pdf', 'needs-ocr'],
  ['/missing.pdf', 'failed'],
];
// With the corpus: the Japanese PDF needs the packaged character maps.
const CJK = resolve('..', 'shared', 'corpus', 'pdf', 'issue16538.pdf');
if (existsSync(CJK)) {
  files['/cjk.pdf'] = new Uint8Array(readFileSync(CJK));
  checks.push(['/cjk.pdf', 'done']);
}
const server = createServer((req, res) => {
  const body = files[req.url ?? ''];
  if (!body) return void res.writeHead(404).end('no');
  res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': body.length }).end(body);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const profile = await mkdtemp(join(tmpdir(), 'moonlit-pdf-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let failed = false;
try {
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
  const origin = `chrome-extension://${new URL(sw.url()).host}`;
  for (const [path, expect] of checks) {
    const page = await ctx.newPage();
    const workerUrls: string[] = [];
    page.on('worker', (w) => workerUrls.push(w.url()));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${origin}/pdf-reader.html?src=${encodeURIComponent(base + path)}`);
    await page.waitForSelector('body[data-state]', { timeout: 30_000 });
    const state = await page.getAttribute('body', 'data-state');
    const text = (await page.textContent('#text')) ?? '';
    const status = (await page.textContent('#status')) ?? '';
    const ok = state === expect;
    failed ||= !ok;
    console.log(`${ok ? 'OK  ' : 'FAIL'} ${path}: state=${state} status="${status}" workers=${JSON.stringify(workerUrls)} errors=${errors.length}`);
    console.log('     ' + JSON.stringify(text.slice(0, 200)));
    await page.close();
  }
} finally {
  await ctx.close();
  server.close();
  await rm(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
