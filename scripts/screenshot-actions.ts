// The README's picture of the slash list: the real panel of the e2e build, a user action saved, "/" typed in
// the ask box. Run: npx tsx scripts/screenshot-actions.ts (after `npm run build:e2e`). Writes docs/screenshot-actions-slash.png.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const EXT = resolve('.output/chrome-mv3-e2e');
const html = readFileSync('tests/e2e/fixtures/article.html', 'utf8');
const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const articleUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
const profile = mkdtempSync(join(tmpdir(), 'moonlit-shots-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 400, height: 640 },
  args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', '--lang=en'],
});
try {
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  await sw.evaluate(() =>
    (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
      actions: {
        list: [{ id: 'user-haiku', hidden: false, name: 'Haiku about the selection', prompt: 'Write a haiku about {{selection}}.', contexts: ['selection'] }],
      },
    }),
  );
  const article = await ctx.newPage();
  await article.goto(articleUrl);
  const tabs = (await sw.evaluate(() => (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<unknown> } } }).chrome.tabs.query({}))) as {
    id: number;
    url?: string;
  }[];
  const tabId = tabs.find((t) => t.url?.startsWith('http://127.0.0.1'))!.id;
  const panel = await ctx.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html?tabId=${tabId}`);
  await panel.locator('textarea').fill('/');
  await panel.waitForSelector('[role=listbox] [role=option][aria-selected=true]');
  await panel.locator('textarea').press('ArrowDown');
  await panel.screenshot({ path: 'docs/screenshot-actions-slash.png' });
  console.log('docs/screenshot-actions-slash.png written');
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
  server.close();
}
