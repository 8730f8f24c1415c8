// Debian Chromium with the built extension loaded, driven by playwright-core (recipe: shared/docs/feasibility.md §2).
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bounded, LOAD_TIMEOUT_MS, pageScript, type Role, type UiPage } from './ui-driver';
import type { ExtensionBrowser } from './extension-browser';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// MOONLIT_E2E_CHROME_BUILD points at a private copy of the build, so parallel work can't rewrite it mid-run.
export const CHROME_E2E_BUILD = resolve(process.env.MOONLIT_E2E_CHROME_BUILD ?? '.output/chrome-mv3-e2e');

export interface ChromeSession extends ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
}

function wrap(page: Page): UiPage {
  const byRole = (role: Role, name: string) => page.getByRole(role, { name, exact: true });
  return {
    fill: (name, value) => byRole('textbox', name).fill(value, { timeout: 30_000 }),
    select: async (name, value) => void (await byRole('combobox', name).selectOption(value, { timeout: 30_000 })),
    click: (name) => byRole('button', name).click({ timeout: 30_000 }),
    count: async (role, name) => {
      const all = await byRole(role, name).all();
      let visible = 0;
      for (const el of all) if (await el.isVisible()) visible++;
      return visible;
    },
    evaluate: (fn, arg) => page.evaluate(pageScript(fn as (a: never) => unknown, arg)) as never,
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    close: () => page.close(),
  };
}

/** nativeViewport: the window's own size (no emulated viewport), so a tab capture and the page's CSS pixels agree. */
export async function launchChrome(opts: { extension?: string; headless?: boolean; args?: string[]; nativeViewport?: boolean } = {}): Promise<ChromeSession> {
  const ext = opts.extension ?? CHROME_E2E_BUILD;
  const profile = await mkdtemp(join(tmpdir(), 'moonlit-chrome-'));
  const context = await bounded(
    'launching Chromium',
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: opts.headless ?? true,
      viewport: opts.nativeViewport ? null : { width: 1100, height: 800 },
      args: [
        ...(opts.nativeViewport ? ['--window-size=1100,800'] : []),
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        ...(opts.args ?? []),
      ],
    }),
  );
  const cleanup = async () => {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    const origin = `chrome-extension://${extensionId}`;
    return {
      name: 'Chromium',
      context,
      worker,
      extensionId,
      origin,
      async open(url) {
        const page = await context.newPage();
        await page.goto(url, { timeout: LOAD_TIMEOUT_MS });
        return wrap(page);
      },
      async tabIdOf(url) {
        type Tab = { id?: number; url?: string };
        const tabs = await worker.evaluate(() => {
          const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<Tab[]> } } }).chrome;
          return api.tabs.query({});
        });
        return tabs.find((t) => t.url === url)?.id;
      },
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
