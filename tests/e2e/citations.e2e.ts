// Citations end to end in Chromium with the e2e build: the worker's 'panel→bg:cite' scrolls the bound tab to a
// passage far down a long localhost article and highlights it (CSS Custom Highlight API), says "gone" for a passage
// the page no longer has and "moved" once the tab shows another page, and opens a localhost PDF at `#page=N`.
// The set-up (site, browser, an article tab with a panel bound to it) is shared, so further tests (clicking a real
// superscript in the panel) can use it. The same message in Firefox ESR at the end.
// Run: npx tsx --test tests/e2e/citations.e2e.ts (after npm run build:e2e; MOONLIT_E2E_CHROME_BUILD and
// MOONLIT_E2E_FIREFOX_BUILD may point at private copies of the builds).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { makePdf } from '../unit/documents/make-pdf';
import type { CiteRequest, CiteResult } from '../../utils/citations/types';
import { openRaw, type RawPage } from './lib/chrome-pages';
import { launchChrome, type ChromeSession } from './lib/launch-chrome';
import { launchFirefox, type FirefoxSession } from './lib/launch-firefox';
import { bounded, waitFor, waitInPage, type UiPage } from './lib/ui-driver';
import { startSimulator, type Simulator } from '../simulator/server';
import { configure, SECRET_KEY } from './lib/moonlit-setup';
import { ask, waitForAnswerStatus } from './lib/answers';
import { chatRequests, messagesText } from './lib/log-checks';
import { waitForPanelPage } from './lib/panel-flow';

const TITLE = 'The Orchard Apiary Year';
/** Far down the article, split across inline elements; quoted as the panel quotes it (plain words, one space). */
const FAR_PASSAGE = 'In the last week of October the keeper fitted mouse guards to all nine hives and left forty kilograms of honey on each.';
const FAR_HTML =
  'In the last week of <em>October</em> the keeper fitted <a href="#guards">mouse <strong>guards</strong></a> to all\n   nine hives and left forty&nbsp;kilograms of honey on each.';
const SECOND_PASSAGE = 'Swarm control in May meant splitting the two strongest colonies before the hawthorn flowered.';
const CHROME_PDF_VIEWER = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';
const PDF_PAGES = ['Ledger page one: the winter inventory.', 'Ledger page two: repairs to the roof.', 'Ledger page three: the spring count of forty colonies.'];

function articleHtml(): string {
  const filler = (n: number) =>
    `<p>Month note ${n}: the colonies were checked for stores, brood pattern and temper, and the notes went into the orchard ledger with the weather of the day.</p>`;
  const para = (i: number) => (i === 12 ? `<p id="second">${SECOND_PASSAGE}</p>` : filler(i));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>
<style>body{font:18px/1.6 serif;max-width:40em;margin:2em auto}</style></head><body><main><article>
<h1>${TITLE}</h1>
${Array.from({ length: 120 }, (_, i) => para(i)).join('\n')}
<table><tr><th>Hive</th><th>Stores</th></tr><tr><td>North</td><td>40 kg</td></tr></table>
<p id="far">${FAR_HTML}</p>
${Array.from({ length: 6 }, (_, i) => filler(200 + i)).join('\n')}
</article></main></body></html>`;
}

interface CiteSite {
  url(path: string): string;
  close(): Promise<void>;
}

/** The article, a second page to navigate to, and a three-page PDF, on 127.0.0.1. */
async function startCiteSite(): Promise<CiteSite> {
  const pdf = Buffer.from(makePdf(PDF_PAGES.map((text) => [{ text, x: 72, y: 700 }]), { title: 'Orchard Ledger' }));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    if (path === '/article.html') return void html(articleHtml());
    if (path === '/elsewhere.html') return void html('<!doctype html><title>Elsewhere</title><p>Nothing about bees here.</p>');
    if (path === '/ledger.pdf') {
      return void res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length, 'cache-control': 'no-store' }).end(pdf);
    }
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/** Sends 'panel→bg:cite' from a Moonlit page, as the panel does. */
function sendCite(from: UiPage, data: CiteRequest): Promise<CiteResult> {
  return from.evaluate(
    (d) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<CiteResult> } } }).chrome.runtime.sendMessage({ name: 'panel→bg:cite', data: d }),
    data,
  );
}

/** What the page's main world sees of the highlight: the text of each range registered as 'moonlit-cite'. */
function highlighted(tab: UiPage): Promise<string[] | null> {
  return tab.evaluate(() => {
    const reg = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const h = reg?.get('moonlit-cite');
    return h ? [...h].map((r) => r.toString().replace(/\s+/g, ' ')) : null;
  }, null);
}

/** window.scrollY once a smooth scroll has come to rest (the same over a few frames). */
async function scrollSettled(tab: UiPage): Promise<number> {
  let last = -1;
  let same = 0;
  return waitFor('the page to stop scrolling', async () => {
    const y = await tab.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(window.scrollY))), null);
    same = y === last ? same + 1 : 0;
    last = y;
    return same >= 5 ? { y } : null;
  }).then((s) => s.y);
}

describe('Citations in Chromium', () => {
  let site: CiteSite;
  let b: ChromeSession;
  let tab: RawPage;
  let panel: RawPage;
  let tabId: number;

  before(async () => {
    site = await startCiteSite();
    b = await launchChrome();
    ({ tab, panel, tabId } = await articleWithPanel('/article.html'));
  });

  after(async () => {
    await b?.close();
    await site?.close();
  });

  /** A tab showing `path` and the side panel page bound to it (the panel needs no key to ask for a citation). */
  async function articleWithPanel(path: string): Promise<{ tab: RawPage; panel: RawPage; tabId: number }> {
    const url = site.url(path);
    const t = await openRaw(b.context, url);
    const id = await waitFor(`a tab id for ${url}`, () => b.tabIdOf(url));
    const p = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${id}`);
    return { tab: t, panel: p, tabId: id };
  }

  const request = (quote: string, at: number, extra: Partial<CiteRequest> = {}): CiteRequest => ({ tabId, url: site.url('/article.html'), quote, at, ...extra });

  it('scrolls to a passage far down the page and highlights exactly it', { timeout: 60_000 }, async () => {
    await tab.page.bringToFront();
    assert.equal(await tab.ui.evaluate(() => window.scrollY, null), 0, 'the article starts at the top');
    const result = await sendCite(panel.ui, request(FAR_PASSAGE, 0.95));
    assert.deepEqual(result, { ok: true, how: 'highlight' });
    // Read at once: the mark lasts 2.5 s.
    assert.deepEqual(await highlighted(tab.ui), [FAR_PASSAGE], "the page's highlight registry should hold the passage");
    // The smooth scroll ends with the passage in view.
    await waitInPage(tab.ui, 'the passage to be scrolled into view', () => {
      const r = document.getElementById('far')!.getBoundingClientRect();
      return window.scrollY > 1000 && r.top >= 0 && r.bottom <= window.innerHeight;
    }, null);
    await waitInPage(tab.ui, 'the highlight to go away', () => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('moonlit-cite'), null, { timeoutMs: 10_000 });
  });

  it('a second citation replaces the first highlight', { timeout: 60_000 }, async () => {
    assert.deepEqual(await sendCite(panel.ui, request(FAR_PASSAGE, 0.95)), { ok: true, how: 'highlight' });
    assert.deepEqual(await sendCite(panel.ui, request(SECOND_PASSAGE, 0.1)), { ok: true, how: 'highlight' });
    assert.deepEqual(await highlighted(tab.ui), [SECOND_PASSAGE]);
    await waitInPage(tab.ui, 'the second passage in view', () => {
      const r = document.getElementById('second')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }, null);
  });

  it('finds the passage after the page re-rendered it into new elements', { timeout: 60_000 }, async () => {
    await tab.ui.evaluate(() => {
      const far = document.getElementById('far')!;
      const words = far.textContent!.split(/\s+/);
      const fresh = document.createElement('div');
      fresh.id = 'far';
      for (const w of words) fresh.append(Object.assign(document.createElement('span'), { textContent: `${w} ` }));
      far.replaceWith(fresh);
    }, null);
    assert.deepEqual(await sendCite(panel.ui, request(FAR_PASSAGE, 0.95)), { ok: true, how: 'highlight' });
    const marked = await highlighted(tab.ui);
    assert.equal(marked?.[0]?.trim(), FAR_PASSAGE);
  });

  it('says "gone" for a passage the page does not have, and leaves the page alone', { timeout: 60_000 }, async () => {
    const before = await scrollSettled(tab.ui);
    const result = await sendCite(panel.ui, request('The keeper sold the orchard and moved to the coast to keep goats instead of bees.', 0.5));
    assert.deepEqual(result, { ok: false, reason: 'gone' });
    assert.equal(await tab.ui.evaluate(() => window.scrollY, null), before);
  });

  it('says "moved" once the tab shows another page', { timeout: 60_000 }, async () => {
    // Its own tab (the query only tells the tabs apart), so the shared article tab stays for later tests.
    const other = await articleWithPanel('/article.html?tab=moved');
    await other.tab.page.goto(site.url('/elsewhere.html'));
    const result = await sendCite(other.panel.ui, { tabId: other.tabId, url: site.url('/article.html?tab=moved'), quote: FAR_PASSAGE, at: 0.95 });
    assert.deepEqual(result, { ok: false, reason: 'moved' });
    await other.tab.page.close();
    await other.panel.page.close();
  });

  it('opens a localhost PDF at the cited page', { timeout: 60_000 }, async () => {
    const pdf = await articleWithPanel('/ledger.pdf');
    const pdfUrl = site.url('/ledger.pdf');
    const result = await sendCite(pdf.panel.ui, { tabId: pdf.tabId, url: pdfUrl, quote: PDF_PAGES[2], at: 0.9, page: 3 });
    assert.deepEqual(result, { ok: true, how: 'pdf-page' });
    const tabUrl = await waitFor('the PDF tab to show #page=3', async () => {
      const url = await pdf.panel.ui.evaluate(
        async (id) => (await (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<{ url?: string }> } } }).chrome.tabs.get(id)).url,
        pdf.tabId,
      );
      return url?.endsWith('#page=3') ? url : null;
    });
    assert.equal(tabUrl, `${pdfUrl}#page=3`);
    // The viewer itself shows page 3 (Chrome's viewer is an extension frame in the tab; its page index is 0-based).
    await waitFor("Chrome's PDF viewer to show page 3", async () => {
      const viewer = pdf.tab.page.frames().find((f) => f.url().startsWith(`chrome-extension://${CHROME_PDF_VIEWER}/`));
      const index = await viewer
        ?.evaluate(() => (window as unknown as { viewer?: { viewport?: { getMostVisiblePage(): number } } }).viewer?.viewport?.getMostVisiblePage())
        .catch(() => undefined);
      return index === 2;
    });
    await removeTab(pdf.panel.ui, pdf.tabId); // see removeTab
    await pdf.panel.page.close();
  });
});

/** The passage number the last chat request gave the passage starting with `start`. */
function passageNumber(sim: Simulator, start: string): number {
  const text = messagesText(chatRequests(sim.log).at(-1)!);
  const m = new RegExp(String.raw`\[P(\d+)\] ${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(text);
  assert.ok(m, `the request should open the passage "${start}" with a [Pn] marker`);
  return Number(m[1]);
}

/**
 * Closes a tab through the tabs API. Chrome's PDF viewer is reloaded at a new URL behind Playwright's back when a
 * citation opens another page, and Playwright's page.close() then can wait for a close event that never comes.
 */
const removeTab = (extensionPage: UiPage, tabId: number) =>
  extensionPage.evaluate(async (id) => (globalThis as unknown as { chrome: { tabs: { remove(id: number): Promise<void> } } }).chrome.tabs.remove(id), tabId);

const buttons = (panel: RawPage) => panel.ui.evaluate(() => [...document.querySelectorAll<HTMLElement>('button.md-cite')].map((b) => b.dataset.cite!), null);
const lastAnswerText = (panel: RawPage) => panel.ui.evaluate(() => [...document.querySelectorAll('[data-role="answer"]')].at(-1)?.textContent ?? '', null);

describe('Citations from the real panel in Chromium', () => {
  let site: CiteSite;
  let sim: Simulator;
  let b: ChromeSession;

  before(async () => {
    site = await startCiteSite();
    sim = await startSimulator({ keys: [SECRET_KEY] });
    b = await launchChrome();
    await configure(b, sim);
  });

  after(async () => {
    await b?.close();
    await sim?.close();
    await site?.close();
  });

  async function panelOn(path: string, title: string): Promise<{ tab: RawPage; panel: RawPage; tabId: number; url: string }> {
    const url = site.url(path);
    const tab = await openRaw(b.context, url);
    const tabId = await waitFor(`a tab id for ${url}`, () => b.tabIdOf(url));
    const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(panel.ui, title);
    return { tab, panel, tabId, url };
  }

  it("an answer's citation shows its passage on hover and highlights it on the page on click; a passage gone shows the quote", { timeout: 120_000 }, async () => {
    const { tab, panel } = await panelOn('/article.html?from=panel', TITLE);
    // First question: learn how Moonlit numbered the passages (and that it asked Kimi to cite them).
    await ask(panel.ui, 'When were the mouse guards fitted?');
    await waitForAnswerStatus(panel.ui, 0, ['done']);
    const far = passageNumber(sim, 'In the last week of October');
    const second = passageNumber(sim, 'Swarm control in May');
    assert.match(messagesText(chatRequests(sim.log).at(-1)!), /cite the passages/);
    // Kimi cites two real passages and one that does not exist; the marker of the third is split across deltas.
    sim.setDefault({ content: `Mouse guards went on in the last week of October [P${far}]. Swarms were controlled in May [P${second}]. The keeper was paid well [P99999].`, chunkSize: 3 });
    try {
      await ask(panel.ui, 'What happened in October and in May?');
      await waitForAnswerStatus(panel.ui, 1, ['done']);
    } finally {
      sim.setDefault({});
    }
    assert.deepEqual(await buttons(panel), [String(far), String(second)], 'two citation buttons; the invented one is dropped');
    assert.doesNotMatch(await lastAnswerText(panel), /\[P|99999/);

    const first = panel.page.locator('button.md-cite').first();
    await first.hover();
    const tip = panel.page.getByRole('tooltip');
    await tip.waitFor({ timeout: 10_000 });
    assert.match((await tip.textContent()) ?? '', /In the last week of October the keeper fitted mouse guards/);

    await tab.page.bringToFront();
    await first.click();
    const marked = await waitFor('the page to highlight the cited passage', () => highlighted(tab.ui).then((h) => (h?.length ? h : null)), 10_000);
    assert.deepEqual(marked, [FAR_PASSAGE]);
    await waitInPage(tab.ui, 'the passage to be scrolled into view', () => {
      const r = document.getElementById('far')!.getBoundingClientRect();
      return window.scrollY > 1000 && r.top >= 0 && r.bottom <= window.innerHeight;
    }, null);

    // The page drops the paragraph: the click says so and shows what Kimi cited; the conversation stays.
    await tab.ui.evaluate(() => document.getElementById('far')!.remove(), null);
    await first.click();
    const status = panel.page.locator('.cite-failed[data-reason="gone"]');
    await status.waitFor({ timeout: 10_000 });
    assert.match((await status.textContent()) ?? '', /no longer on the page[\s\S]*In the last week of October/);
    assert.equal(await panel.page.locator('[data-role="answer"]').count(), 2);

    // Reopened, the panel brings the conversation back with working citations (saved with the answer).
    await tab.page.reload();
    await panel.page.close();
    const again = await openRaw(b.context, panel.page.url());
    await waitFor('the conversation to come back with its citations', async () => ((await buttons(again)).length === 2 ? true : null));
    await tab.page.bringToFront();
    await again.page.locator('button.md-cite').nth(1).click();
    const second2 = await waitFor('the second passage highlighted', () => highlighted(tab.ui).then((h) => (h?.length ? h : null)), 10_000);
    assert.deepEqual(second2, [SECOND_PASSAGE]);
    await again.page.close();
    await tab.page.close();
  });

  it('with citations turned off, the page goes without numbers and the answer has no links', { timeout: 90_000 }, async () => {
    const { tab, panel } = await panelOn('/article.html?from=off', TITLE);
    await panel.ui.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { citations?: boolean }>>; set(v: object): Promise<void> } } } }).chrome;
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...settings, citations: false } });
    }, null);
    sim.setDefault({ content: 'October it was [P3].' });
    try {
      await ask(panel.ui, 'When?');
      await waitForAnswerStatus(panel.ui, 0, ['done']);
    } finally {
      sim.setDefault({});
    }
    const sent = messagesText(chatRequests(sim.log).at(-1)!);
    assert.doesNotMatch(sent, /\[P\d+\]|cite the passages/);
    assert.match(sent, /In the last week of October/);
    assert.deepEqual(await buttons(panel), []);
    await panel.ui.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } }).chrome;
      const { settings } = await api.storage.local.get('settings');
      await api.storage.local.set({ settings: { ...settings, citations: true } });
    }, null);
    await panel.page.close();
    await tab.page.close();
  });

  it('a citation in an answer about a PDF opens the viewer at its page', { timeout: 120_000 }, async () => {
    const { panel, tabId, url } = await panelOn('/ledger.pdf', 'Orchard Ledger');
    await ask(panel.ui, 'What does the ledger count?');
    await waitForAnswerStatus(panel.ui, 0, ['done']);
    const n = passageNumber(sim, 'Ledger page three');
    sim.setDefault({ content: `Forty colonies in spring [P${n}].` });
    try {
      await ask(panel.ui, 'How many colonies?');
      await waitForAnswerStatus(panel.ui, 1, ['done']);
    } finally {
      sim.setDefault({});
    }
    const state = () => panel.ui.evaluate(() => document.querySelector('main')?.innerHTML.slice(-1500) ?? document.body.innerHTML.slice(-1500), null);
    assert.deepEqual(await buttons(panel), [String(n)], `one citation button for P${n}: ${await state()}`);
    const button = panel.page.locator('button.md-cite').first();
    await bounded('hovering the citation', button.hover({ timeout: 10_000 }));
    const tip = await bounded('the tooltip text', panel.page.getByRole('tooltip').textContent({ timeout: 10_000 }));
    assert.match(tip ?? '', /Page 3[\s\S]*Ledger page three/);
    await bounded('clicking the citation', button.click({ timeout: 10_000 }));
    await waitFor('the PDF tab to show #page=3', async () => {
      const now = await panel.ui.evaluate(
        async (id) => (await (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<{ url?: string }> } } }).chrome.tabs.get(id)).url,
        tabId,
      );
      return now === `${url}#page=3` ? now : null;
    });
    await removeTab(panel.ui, tabId);
    await panel.page.close();
  });
});

describe('Citations in Firefox ESR', () => {
  let site: CiteSite;
  let b: FirefoxSession;

  before(async () => {
    site = await startCiteSite();
    b = await launchFirefox();
  });

  after(async () => {
    await b?.close();
    await site?.close();
  });

  async function withPanel(path: string): Promise<{ tab: UiPage; panel: UiPage; tabId: number; url: string }> {
    const url = site.url(path);
    const tab = await b.open(url);
    const tabId = await waitFor(`a tab id for ${url}`, () => b.tabIdOf(url));
    const panel = await b.open(`${b.origin}/sidepanel.html?tabId=${tabId}`);
    return { tab, panel, tabId, url };
  }

  /** browser.runtime.sendMessage from the extension page; the reply comes back as JSON (BiDi can't clone add-on objects). */
  const send = async (panel: UiPage, data: CiteRequest): Promise<CiteResult> =>
    JSON.parse(
      await panel.evaluate(
        async (d) => JSON.stringify(await (globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<unknown> } } }).browser.runtime.sendMessage({ name: 'panel→bg:cite', data: d })),
        data,
      ),
    ) as CiteResult;

  it('scrolls to the passage and highlights it; "gone" for a missing one', { timeout: 90_000 }, async () => {
    const { tab, panel, tabId, url } = await withPanel('/article.html?browser=firefox');
    // The article is the tab the user looks at (background tabs don't animate a smooth scroll).
    const pages = await b.browser.pages();
    await pages.find((p) => p.url() === url)?.bringToFront();
    const result = await send(panel, { tabId, url, quote: FAR_PASSAGE, at: 0.95 });
    assert.ok(result.ok, `the citation should be shown: ${JSON.stringify(result)}`);
    console.log(`  Firefox marked the passage with: ${result.ok ? result.how : '-'}`);
    if (result.ok && result.how === 'highlight') {
      assert.deepEqual(await highlighted(tab), [FAR_PASSAGE], "the page's highlight registry should hold the passage");
    }
    await waitInPage(tab, 'the passage to be scrolled into view', () => {
      const r = document.getElementById('far')!.getBoundingClientRect();
      return window.scrollY > 1000 && r.top >= 0 && r.bottom <= window.innerHeight;
    }, null);
    assert.deepEqual(await send(panel, { tabId, url, quote: 'The keeper sold the orchard and moved to the coast to keep goats.', at: 0.5 }), { ok: false, reason: 'gone' });
    await tab.close();
    await panel.close();
  });

  it('opens a localhost PDF at the cited page in pdf.js', { timeout: 90_000 }, async () => {
    const { tab, panel, tabId, url } = await withPanel('/ledger.pdf');
    assert.deepEqual(await send(panel, { tabId, url, quote: PDF_PAGES[2], at: 0.9, page: 3 }), { ok: true, how: 'pdf-page' });
    await waitFor('the PDF tab to show #page=3', async () => (await b.tabIdOf(`${url}#page=3`)) === tabId);
    const shown = await waitInPage(tab, 'pdf.js to show page 3', () => {
      const app = (window as unknown as { PDFViewerApplication?: { page?: number } }).PDFViewerApplication;
      return app?.page === 3 ? 3 : null;
    }, null).catch((e: unknown) => String(e));
    assert.equal(shown, 3, `pdf.js should be at page 3: ${shown}`);
    await tab.close();
    await panel.close();
  });
});
