// Playwright pages of a Chromium session as UiPages, plus what the security, fault and load tests need beyond
// launch-chrome.ts: the raw Page (dialogs, requests, CDP), tab ids read through an extension page (the worker
// handle goes stale once a test stops the worker), stopping the worker, and a profile that survives a relaunch.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { bounded, LOAD_TIMEOUT_MS, pageScript, type Role, type UiPage } from './ui-driver';
import { CHROME_E2E_BUILD, CHROMIUM } from './launch-chrome';

/** The same driver launch-chrome.ts builds, for a Page this file opened itself. */
export function uiFor(page: Page): UiPage {
  const byRole = (role: Role, name: string) => page.getByRole(role, { name, exact: true });
  return {
    fill: (name, value) => byRole('textbox', name).fill(value, { timeout: 30_000 }),
    select: async (name, value) => void (await byRole('combobox', name).selectOption(value, { timeout: 30_000 })),
    click: (name) => byRole('button', name).first().click({ timeout: 30_000 }),
    count: async (role, name) => {
      let visible = 0;
      for (const el of await byRole(role, name).all()) if (await el.isVisible()) visible++;
      return visible;
    },
    evaluate: (fn, arg) => page.evaluate(pageScript(fn as (a: never) => unknown, arg)) as never,
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: true })),
    close: () => page.close(),
  };
}

export interface RawPage {
  page: Page;
  ui: UiPage;
}

export async function openRaw(context: BrowserContext, url: string): Promise<RawPage> {
  const page = await context.newPage();
  await page.goto(url, { timeout: LOAD_TIMEOUT_MS });
  return { page, ui: uiFor(page) };
}

/** The tab id of the tab showing exactly `url`, asked from a Moonlit page (works while the worker is stopped). */
export async function tabIdVia(extensionPage: UiPage, url: string): Promise<number> {
  const tabs = await extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    return (await api.tabs.query({})).map((t) => ({ id: t.id, url: t.url }));
  }, null);
  const id = tabs.find((t) => t.url === url)?.id;
  if (typeof id !== 'number') throw new Error(`no tab shows ${url}; open tabs: ${JSON.stringify(tabs)}`);
  return id;
}

/**
 * Stops every service worker of the profile, as Chrome does when a worker idles out or crashes
 * (CDP ServiceWorker.stopAllWorkers, sent through any page's session).
 */
export async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The extension's service worker as it is now (a new one after a restart), for evaluate(). */
export async function currentWorker(context: BrowserContext) {
  const live = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  return live.at(-1) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
}

/**
 * Chromium with the e2e build on a profile folder the caller owns: closing it keeps the folder, so the next
 * launch on the same folder is the same browser restarted (same extension id, storage and IndexedDB).
 */
export async function launchChromeOnProfile(profile: string, extension = process.env.MOONLIT_E2E_CHROME_BUILD ?? CHROME_E2E_BUILD) {
  const context = await bounded(
    'launching Chromium on a kept profile',
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 800 },
      args: [
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    }),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, origin: `chrome-extension://${extensionId}` };
}
