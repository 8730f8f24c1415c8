// Debian Firefox ESR with the built add-on installed as a temporary add-on, driven by puppeteer-core over
// WebDriver BiDi. The three workarounds from shared/docs/feasibility.md: a fixed moz-extension UUID (pref),
// --remote-allow-system-access to navigate to moz-extension:// pages, and not awaiting those navigations.
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIREFOX_ID } from '../../../utils/manifest';
import { bounded, LOAD_TIMEOUT_MS, pageScript, type Role, type UiPage } from './ui-driver';
import type { ExtensionBrowser } from './extension-browser';
import { quickClick, quickFill, quickSelect } from './firefox-controls';
import { warmProfile } from './firefox-profile';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_E2E_BUILD = resolve(process.env.MOONLIT_E2E_FIREFOX_BUILD ?? '.output/firefox-mv2-e2e');

export interface FirefoxSession extends ExtensionBrowser {
  browser: Browser;
  /** Like open(), with the puppeteer Page too (requests, dialogs, closing). */
  openPage(url: string): Promise<{ page: Page; ui: UiPage }>;
}

export interface FirefoxOptions {
  extension?: string;
  headless?: boolean;
  /** Runs on every page this session opens, before it navigates (init scripts, listeners). */
  prepare?: (page: Page) => Promise<void>;
  /** Firefox preferences for this profile (e.g. granting optional permissions without the prompt a driver can't answer). */
  prefs?: Record<string, string | number | boolean>;
  /** Accept a throwaway self-signed certificate (WebDriver BiDi's acceptInsecureCerts), for pages served under real names. */
  acceptInsecureCerts?: boolean;
}

/** Puppeteer's ARIA selector; over BiDi it is answered from Firefox's own accessibility tree. */
const aria = (role: Role, name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`;

/**
 * The text field with this accessible name. A password input has no ARIA role in Firefox (HTML-AAM gives it
 * none; Playwright calls it a textbox), so fall back to the input or textarea that has the name.
 */
async function findTextbox(page: Page, name: string): Promise<ElementHandle<Element>> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const [box] = await page.$$(aria('textbox', name));
    if (box) return box;
    for (const el of await page.$$(`::-p-aria(${JSON.stringify(name)})`)) {
      if (await el.evaluate((e) => e instanceof HTMLInputElement || e instanceof HTMLTextAreaElement)) return el;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no text field named "${name}" within 10 s`);
}

function wrap(page: Page): UiPage {
  const locate = (role: Role, name: string) => page.locator(aria(role, name)).setTimeout(10_000);
  return {
    // One round trip when the page finds the field itself (firefox-controls.ts); the ARIA locator otherwise.
    fill: async (name, value) => {
      if (!(await quickFill(page, name, value))) await (await findTextbox(page, name)).asLocator().setTimeout(10_000).fill(value);
    },
    select: async (name, value) => {
      if (await quickSelect(page, name, value)) return;
      const el = await page.waitForSelector(aria('combobox', name), { timeout: 30_000 });
      if (!el) throw new Error(`no combobox named "${name}"`);
      await el.select(value);
    },
    click: async (name) => {
      if (!(await quickClick(page, name))) await locate('button', name).click();
    },
    count: async (role, name) => {
      let visible = 0;
      for (const el of await page.$$(aria(role, name))) if (await el.isVisible()) visible++;
      return visible;
    },
    evaluate: (fn, arg) => page.evaluate(pageScript(fn as (a: never) => unknown, arg)) as never,
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: true })),
    close: () => page.close(),
  };
}

/** The id of the tab showing exactly `url`, asked through `extensionPage` (any open Moonlit page). */
export async function tabIdIn(extensionPage: UiPage, url: string): Promise<number | undefined> {
  type Tab = { id?: number; url?: string };
  const json = await extensionPage.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Tab[]> } } }).browser;
    // Hand back plain JSON: BiDi cannot serialise the add-on's own tab objects.
    return JSON.stringify((await api.tabs.query({})).map((t) => ({ id: t.id, url: t.url })));
  }, null);
  return (JSON.parse(json) as Tab[]).find((t) => t.url === url)?.id;
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxSession> {
  const uuid = randomUUID();
  const profile = await warmProfile(FIREFOX);
  const browser = await bounded(
    'launching Firefox',
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: opts.headless ?? true,
      args: ['--remote-allow-system-access'],
      ...(opts.acceptInsecureCerts ? { acceptInsecureCerts: true } : {}),
      ...(profile ? { userDataDir: profile } : {}),
      extraPrefsFirefox: { ...opts.prefs, 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ID]: uuid }) },
    }),
  ).catch((err: unknown) => {
    if (profile) rmSync(profile, { recursive: true, force: true });
    throw err;
  });
  const cleanup = async () => {
    // puppeteer removes a profile it made itself when the browser closes; a copied one is ours to remove.
    await bounded('closing Firefox', browser.close(), 15_000).catch(() => browser.process()?.kill('SIGKILL'));
    if (profile) rmSync(profile, { recursive: true, force: true });
  };
  try {
    const id = await bounded('installing the add-on', browser.installExtension(opts.extension ?? FIREFOX_E2E_BUILD));
    if (id !== FIREFOX_ID) throw new Error(`installed add-on id is ${id}, expected ${FIREFOX_ID}`);
    const origin = `moz-extension://${uuid}`;
    let helper: UiPage | undefined;

    const openPage = async (url: string): Promise<{ page: Page; ui: UiPage }> => {
      const page = await browser.newPage();
      await opts.prepare?.(page);
      if (url.startsWith('moz-extension:')) {
        // No load event reaches BiDi for extension pages: start the navigation and wait for the document.
        void page.goto(url, { timeout: 0 }).catch(() => undefined);
        // Poll instead of waitForFunction: while the document is being swapped, BiDi's evaluate can fail
        // ("right-hand side of 'in' should be an object"); such a failure only means "not yet".
        const deadline = Date.now() + 20_000;
        for (;;) {
          const state = await page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => '');
          if (state === `${url}|complete`) break;
          if (Date.now() > deadline) throw new Error(`${url} did not finish loading in Firefox (last state: "${state}")`);
          await new Promise((r) => setTimeout(r, 100));
        }
      } else {
        await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      }
      return { page, ui: wrap(page) };
    };
    const open = async (url: string): Promise<UiPage> => (await openPage(url)).ui;

    return {
      name: 'Firefox',
      browser,
      extensionId: id,
      origin,
      open,
      openPage,
      async tabIdOf(url) {
        // tabs.query is only there in extension pages; keep one quiet extension page for such questions.
        helper ??= await open(`${origin}/options.html`);
        return tabIdIn(helper, url);
      },
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
