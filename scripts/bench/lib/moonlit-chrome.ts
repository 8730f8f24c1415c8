// Chromium with the e2e build of Moonlit, set up against the simulator through its options page,
// with the timing probe in every page. Reuses the e2e helpers (tests/e2e/lib).
import type { Page } from 'playwright-core';
import { launchChrome, type ChromeSession } from '../../../tests/e2e/lib/launch-chrome';
import { openOptions, testConnection, chooseModelAndSave, modelOptions } from '../../../tests/e2e/lib/options-flow';
import { DEFAULT_KEY, DEFAULT_MODELS, startSimulator, type Simulator } from '../../../tests/simulator/server';
import { startPageServer, type PageServer } from './page-server';
import { PROBE_SOURCE } from './panel-probe';

export interface BenchBrowser {
  session: ChromeSession;
  model: string;
  version: string;
  close(): Promise<void>;
}

export async function launchMoonlit(sim: Simulator): Promise<BenchBrowser> {
  // npm run bench passes a private copy of the build, so a concurrent `wxt build` cannot swap it mid-run.
  const session = await launchChrome({ extension: process.env.MOONLIT_BENCH_E2E_BUILD || undefined });
  try {
    await session.context.addInitScript(PROBE_SOURCE);
    const options = await openOptions(session);
    await options.fill('API key', DEFAULT_KEY);
    await testConnection(options, sim.baseUrl, DEFAULT_MODELS.length);
    const offered = await modelOptions(options);
    const model = offered.includes('moonshot-v1-128k') ? 'moonshot-v1-128k' : offered[0];
    await chooseModelAndSave(options, model);
    await options.close();
    const version = session.context.browser()?.version() ?? (await browserVersion(session));
    return { session, model, version, close: () => session.close() };
  } catch (err) {
    await session.close();
    throw err;
  }
}

async function browserVersion(session: ChromeSession): Promise<string> {
  const ua = await session.worker.evaluate('navigator.userAgent');
  return /Chrome\/([\d.]+)/.exec(String(ua))?.[1] ?? String(ua);
}

/** Opens `url` in a new tab and returns the Playwright page and the browser's tab id. */
export async function openTab(b: BenchBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await b.session.context.newPage();
  await page.goto(url, { timeout: 30_000 });
  const tabId = await b.session.tabIdOf(url);
  if (typeof tabId !== 'number') throw new Error(`no tab id for ${url}`);
  return { page, tabId };
}

/** Opens sidepanel.html?tabId=N as a tab and waits until it shows the bound page's title. */
export async function openPanel(b: BenchBrowser, tabId: number, title: string): Promise<Page> {
  const panel = await b.session.context.newPage();
  await panel.goto(`${b.session.origin}/sidepanel.html?tabId=${tabId}`, { timeout: 30_000 });
  await panel.waitForFunction((t) => document.body.innerText.includes(t), title, { timeout: 30_000 });
  return panel;
}

/** The simulator, `pages` served on loopback, and Moonlit set up against the simulator: for `run`, then all closed. */
export async function withMoonlit<T>(pages: Record<string, string>, run: (s: { sim: Simulator; site: PageServer; b: BenchBrowser }) => Promise<T>): Promise<T> {
  const sim = await startSimulator();
  const site = await startPageServer(pages);
  let b: BenchBrowser | undefined;
  try {
    b = await launchMoonlit(sim);
    return await run({ sim, site, b });
  } finally {
    await b?.close();
    await site.close();
    await sim.close();
  }
}
