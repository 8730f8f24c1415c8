// What the README's screenshot scripts share: the article fixture served on loopback, and Chromium with the e2e
// build of the extension on a throwaway profile.
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const EXT = resolve('.output/chrome-mv3-e2e');

/** tests/e2e/fixtures/article.html at a loopback address, and the multi-tab fixtures at /tabs/NAME.html. */
export async function serveArticle(): Promise<{ url: string; close(): void }> {
  const html = readFileSync('tests/e2e/fixtures/article.html', 'utf8');
  const server = createServer((req, res) => {
    // Only the fixtures' plain names: nothing else of the disk is served.
    const tab = /^\/tabs\/([a-z]+)\.html$/.exec(req.url ?? '')?.[1];
    const body = tab ? readFileSync(`tests/e2e/fixtures/tabs/${tab}.html`, 'utf8') : html;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, close: () => void server.close() };
}

export interface ShotBrowser {
  ctx: BrowserContext;
  sw: Worker;
  /** The extension's id (its pages are chrome-extension://id/…). */
  id: string;
  /** The id of the tab showing the served article (or the first whose address starts with `prefix`). */
  articleTab(prefix?: string): Promise<number>;
  close(): Promise<void>;
}

/** Headless Chromium with the e2e build, in `lang`; close() also removes its profile. */
export async function launchShotBrowser(opts: {
  lang: string;
  viewport: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** More switches, e.g. the video site's host rules (tests/e2e/lib/video-site.ts). */
  args?: string[];
}): Promise<ShotBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'moonlit-shots-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: opts.viewport,
    colorScheme: opts.colorScheme,
    locale: opts.lang,
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu', `--lang=${opts.lang}`, ...(opts.args ?? [])],
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const articleTab = async (prefix = 'http://127.0.0.1') => {
    const tabs = (await sw.evaluate(() => (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<unknown> } } }).chrome.tabs.query({}))) as {
      id: number;
      url?: string;
    }[];
    return tabs.find((t) => t.url?.startsWith(prefix))!.id;
  };
  const close = async () => {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { ctx, sw, id: new URL(sw.url()).host, articleTab, close };
}

/** A UI string in the panel's language, from the built-in locale files. */
export const ui = (lang: 'en' | 'zh-CN', key: string): string =>
  (JSON.parse(readFileSync(`public/_locales/${lang === 'en' ? 'en' : 'zh_CN'}/messages.json`, 'utf8')) as Record<string, { message: string }>)[key].message;
