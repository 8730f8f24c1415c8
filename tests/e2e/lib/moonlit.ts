// The one way an e2e suite starts Moonlit: the simulator (accepting this run's own key), the fixture site, the built
// extension in Chromium or Firefox ESR, set up once through the real options page, and an extension page kept open
// for tab ids (it works while the background is stopped). `useMoonlit` hands a describe block one such browser for
// all its tests, and closes it after them.
import { after, before } from 'node:test';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { startSimulator, type Simulator } from '../../simulator/server';
import { stopServiceWorkers, tabIdVia, uiFor } from './chrome-pages';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { terminateFirefoxBackground } from './firefox-background';
import { TRAP_SCRIPT } from './hostile';
import { launchChrome, type ChromeSession } from './launch-chrome';
import { launchFirefox, tabIdIn, type FirefoxSession } from './launch-firefox';
import { handBack, keepsBrowsers, snapshotOf, takeKept, type Snapshot } from './kept-browsers';
import { configureOn, SECRET_KEY } from './moonlit-setup';
import { waitForOptionsForm } from './options-flow';
import { waitForPanelPage } from './panel-flow';
import { LOAD_TIMEOUT_MS, type UiPage } from './ui-driver';
import { watchChrome } from './watched-chrome';

export type BrowserKind = 'chromium' | 'firefox';

export interface MoonlitOptions {
  /** Headed, for a real key press under Xvfb (DISPLAY must be set). Default: headless. */
  headless?: boolean;
  /** Trap alert/confirm/prompt/print in every page, record dialogs and requests that leave loopback. */
  watched?: boolean;
  /** Save the key, the simulator as endpoint and a model through the options page. Default: true. */
  configure?: boolean;
  /** Keys the simulator accepts. Default: [SECRET_KEY]. */
  keys?: string[];
  /** Another build of the extension than the e2e build. */
  extension?: string;
  /**
   * Chromium only: more command-line switches for this test browser, e.g. `--host-resolver-rules` to serve real host
   * names from loopback and `--ignore-certificate-errors` for a throwaway certificate (tests/e2e/lib/video-site.ts).
   */
  chromeArgs?: string[];
  /** Chromium only: no emulated viewport (a capture of the tab then matches the page's CSS pixels). */
  nativeViewport?: boolean;
  /** Firefox only: profile preferences. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Firefox only: accept a throwaway self-signed certificate (tests/e2e/lib/video-site.ts). */
  firefoxInsecureCerts?: boolean;
}

/** A page this session opened: the UI driver, and the browser's own requests and close. */
export interface OpenedPage {
  ui: UiPage;
  /** Every URL this page requested from the moment it was opened. */
  requests: string[];
  close(): Promise<void>;
}

interface Common {
  sim: Simulator;
  site: FixtureServer;
  /** The model saved by configure ('' when not configured). */
  model: string;
  /** Watched sessions: "type: message on url" of every dialog, and requests that tried to leave loopback. */
  dialogs: string[];
  outside: string[];
  /** An extension page kept open for questions to the extension APIs. */
  helper: UiPage;
  open(url: string): Promise<OpenedPage>;
  /** A new tab on `url` and a panel page bound to it, once the panel shows `title` (when given). */
  panelFor(url: string, title?: string): Promise<{ tab: OpenedPage; panel: OpenedPage; tabId: number }>;
  tabIdOf(url: string): Promise<number>;
  /** Stops the background as the browser does when it idles out (Chromium's worker, Firefox's event page). */
  stopBackground(): Promise<void>;
  close(): Promise<void>;
}

export interface ChromeMoonlit extends Common {
  kind: 'chromium';
  b: ChromeSession;
}
export interface FirefoxMoonlit extends Common {
  kind: 'firefox';
  b: FirefoxSession;
}
export type Moonlit = ChromeMoonlit | FirefoxMoonlit;

const leavesLoopback = (url: string) => {
  try {
    const u = new URL(url);
    return !['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:'].includes(u.protocol) && u.hostname !== '127.0.0.1';
  } catch {
    return true;
  }
};

async function launch(kind: BrowserKind, opts: MoonlitOptions, dialogs: string[], outside: string[]) {
  const headless = opts.headless ?? true;
  if (kind === 'chromium') {
    const b = await launchChrome({
      extension: opts.extension ?? process.env.MOONLIT_E2E_CHROME_BUILD,
      headless,
      args: opts.chromeArgs,
      nativeViewport: opts.nativeViewport,
    });
    if (opts.watched) await watchChrome(b, dialogs, outside).catch(async (err: unknown) => (await b.close(), Promise.reject(err)));
    return b;
  }
  const prepare = opts.watched
    ? async (page: FirefoxPage) => {
        await page.evaluateOnNewDocument(TRAP_SCRIPT);
        page.on('dialog', (d) => {
          dialogs.push(`${d.type()}: ${d.message()} on ${page.url()}`);
          void d.dismiss().catch(() => undefined);
        });
        page.on('request', (r) => void (leavesLoopback(r.url()) && outside.push(r.url())));
      }
    : undefined;
  return launchFirefox({
    extension: opts.extension ?? process.env.MOONLIT_E2E_FIREFOX_BUILD,
    headless,
    prepare,
    prefs: opts.firefoxPrefs,
    acceptInsecureCerts: opts.firefoxInsecureCerts,
  });
}

export async function startMoonlit(kind: 'chromium', opts?: MoonlitOptions): Promise<ChromeMoonlit>;
export async function startMoonlit(kind: 'firefox', opts?: MoonlitOptions): Promise<FirefoxMoonlit>;
export async function startMoonlit(kind: BrowserKind, opts?: MoonlitOptions): Promise<Moonlit>;
export async function startMoonlit(kind: BrowserKind, opts: MoonlitOptions = {}): Promise<Moonlit> {
  const dialogs: string[] = [];
  const outside: string[] = [];
  const sim = await startSimulator({ keys: opts.keys ?? [SECRET_KEY] });
  const site = await startFixtureServer();
  const closeServers = async () => {
    await site.close();
    await sim.close();
  };
  let b: ChromeSession | FirefoxSession;
  try {
    b = await launch(kind, opts, dialogs, outside);
  } catch (err) {
    await closeServers();
    throw err;
  }
  const close = async () => {
    await b.close();
    await closeServers();
  };
  try {
    const open = async (url: string): Promise<OpenedPage> => {
      const requests: string[] = [];
      if (kind === 'chromium') {
        const page = await (b as ChromeSession).context.newPage();
        page.on('request', (r) => void requests.push(r.url()));
        await page.goto(url, { timeout: LOAD_TIMEOUT_MS });
        return { ui: uiFor(page), requests, close: () => page.close() };
      }
      const { page, ui } = await (b as FirefoxSession).openPage(url);
      page.on('request', (r) => void requests.push(r.url()));
      // BiDi's preload scripts do not reach moz-extension pages: the trap goes in once the page has loaded, before
      // the test puts anything hostile in front of it.
      if (opts.watched && url.startsWith('moz-extension:')) await page.evaluate(TRAP_SCRIPT);
      return { ui, requests, close: () => page.close() };
    };
    // The helper is the options page Moonlit is set up on: one extension page opened, not two.
    const helper = (await open(`${b.origin}/options.html`)).ui;
    await waitForOptionsForm(helper);
    const model = opts.configure === false ? '' : await configureOn(helper, sim, opts.keys?.[0] ?? SECRET_KEY);
    const tabIdOf =
      kind === 'chromium'
        ? (url: string) => tabIdVia(helper, url)
        : async (url: string) => {
            const id = await tabIdIn(helper, url);
            if (typeof id !== 'number') throw new Error(`no tab shows ${url}`);
            return id;
          };
    const common: Omit<Common, 'stopBackground'> = {
      sim,
      site,
      model,
      dialogs,
      outside,
      helper,
      open,
      tabIdOf,
      close,
      async panelFor(url, title) {
        const tab = await open(url);
        const tabId = await tabIdOf(url);
        const panel = await open(`${b.origin}/sidepanel.html?tabId=${tabId}`);
        if (title !== undefined) await waitForPanelPage(panel.ui, title);
        return { tab, panel, tabId };
      },
    };
    if (kind === 'chromium') {
      const cb = b as ChromeSession;
      return {
        ...common,
        kind,
        b: cb,
        // CDP needs a page's session; the helper page is Moonlit's own and always open.
        stopBackground: async () =>
          stopServiceWorkers(cb.context, cb.context.pages().find((p) => p.url().startsWith(cb.origin)) ?? (await cb.context.newPage())),
      };
    }
    const fb = b as FirefoxSession;
    return { ...common, kind, b: fb, stopBackground: () => terminateFirefoxBackground(fb) };
  } catch (err) {
    await close();
    throw err;
  }
}

/** One Moonlit for every test of the describe block this is called in: started (or kept) before them, closed (or kept) after. */
export function useMoonlit(kind: 'chromium', opts?: MoonlitOptions): () => ChromeMoonlit;
export function useMoonlit(kind: 'firefox', opts?: MoonlitOptions): () => FirefoxMoonlit;
export function useMoonlit(kind: BrowserKind, opts?: MoonlitOptions): () => Moonlit;
export function useMoonlit(kind: BrowserKind, opts: MoonlitOptions = {}): () => Moonlit {
  // lane.ts runs many files in one process: there a browser started with no options is kept for the next block
  // (kept-browsers.ts) instead of closed and started again. Run alone, a file closes its browsers as before.
  const keep = keepsBrowsers() && Object.keys(opts).length === 0;
  let m: Moonlit | undefined;
  let snap: Snapshot | undefined;
  before(async () => {
    const k = keep ? await takeKept(kind) : undefined;
    m = k?.m ?? (await startMoonlit(kind, opts));
    snap = k?.snap ?? (keep ? await snapshotOf(m) : undefined);
  });
  after(async () => {
    if (m && snap && (await handBack(kind, m, snap))) return;
    await m?.close();
  });
  return () => {
    if (!m) throw new Error(`Moonlit in ${kind} did not start (see the failure of the "before" hook)`);
    return m;
  };
}
