// Citations end to end in Chromium with the e2e build: the worker's 'panel→bg:cite' scrolls the bound tab to a
// passage far down a long localhost article and highlights it (CSS Custom Highlight API), says "gone" for a passage
// the page no longer has and "moved" once the tab shows another page, and opens a localhost PDF at `#page=N`.
// The same message in Firefox ESR at the end. Citations clicked in the real panel: citations-panel.e2e.ts.
// Run: npx tsx --test tests/e2e/citations.e2e.ts (after npm run build:e2e; MOONLIT_E2E_CHROME_BUILD and
// MOONLIT_E2E_FIREFOX_BUILD may point at private copies of the builds).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CiteRequest, CiteResult } from '../../utils/citations/types';
import { openRaw, type RawPage } from './lib/chrome-pages';
import { launchChrome, type ChromeSession } from './lib/launch-chrome';
import { launchFirefox, type FirefoxSession } from './lib/launch-firefox';
import { waitFor, waitInPage, type UiPage } from './lib/ui-driver';
import {
  CHROME_PDF_VIEWER,
  FAR_PASSAGE,
  highlighted,
  PDF_PAGES,
  removeTab,
  scrollSettled,
  SECOND_PASSAGE,
  sendCite,
  startCiteSite,
  type CiteSite,
} from './lib/cite-site';

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

  const request = (quote: string, at: number, extra: Partial<CiteRequest> = {}): CiteRequest => ({
    tabId,
    url: site.url('/article.html'),
    quote,
    at,
    ...extra,
  });

  it('scrolls to a passage far down the page and highlights exactly it', { timeout: 60_000 }, async () => {
    await tab.page.bringToFront();
    assert.equal(await tab.ui.evaluate(() => window.scrollY, null), 0, 'the article starts at the top');
    const result = await sendCite(panel.ui, request(FAR_PASSAGE, 0.95));
    assert.deepEqual(result, { ok: true, how: 'highlight' });
    // Read at once: the mark lasts 2.5 s.
    assert.deepEqual(await highlighted(tab.ui), [FAR_PASSAGE], "the page's highlight registry should hold the passage");
    // The smooth scroll ends with the passage in view.
    await waitInPage(
      tab.ui,
      'the passage to be scrolled into view',
      () => {
        const r = document.getElementById('far')!.getBoundingClientRect();
        return window.scrollY > 1000 && r.top >= 0 && r.bottom <= window.innerHeight;
      },
      null,
    );
    await waitInPage(tab.ui, 'the highlight to go away', () => !(CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('moonlit-cite'), null, {
      timeoutMs: 10_000,
    });
  });

  it('a second citation replaces the first highlight', { timeout: 60_000 }, async () => {
    assert.deepEqual(await sendCite(panel.ui, request(FAR_PASSAGE, 0.95)), { ok: true, how: 'highlight' });
    assert.deepEqual(await sendCite(panel.ui, request(SECOND_PASSAGE, 0.1)), { ok: true, how: 'highlight' });
    assert.deepEqual(await highlighted(tab.ui), [SECOND_PASSAGE]);
    await waitInPage(
      tab.ui,
      'the second passage in view',
      () => {
        const r = document.getElementById('second')!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      },
      null,
    );
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
        async (d) =>
          JSON.stringify(
            await (globalThis as unknown as { browser: { runtime: { sendMessage(m: object): Promise<unknown> } } }).browser.runtime.sendMessage({
              name: 'panel→bg:cite',
              data: d,
            }),
          ),
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
    await waitInPage(
      tab,
      'the passage to be scrolled into view',
      () => {
        const r = document.getElementById('far')!.getBoundingClientRect();
        return window.scrollY > 1000 && r.top >= 0 && r.bottom <= window.innerHeight;
      },
      null,
    );
    assert.deepEqual(await send(panel, { tabId, url, quote: 'The keeper sold the orchard and moved to the coast to keep goats.', at: 0.5 }), {
      ok: false,
      reason: 'gone',
    });
    await tab.close();
    await panel.close();
  });

  it('opens a localhost PDF at the cited page in pdf.js', { timeout: 90_000 }, async () => {
    const { tab, panel, tabId, url } = await withPanel('/ledger.pdf');
    assert.deepEqual(await send(panel, { tabId, url, quote: PDF_PAGES[2], at: 0.9, page: 3 }), { ok: true, how: 'pdf-page' });
    await waitFor('the PDF tab to show #page=3', async () => (await b.tabIdOf(`${url}#page=3`)) === tabId);
    const shown = await waitInPage(
      tab,
      'pdf.js to show page 3',
      () => {
        const app = (window as unknown as { PDFViewerApplication?: { page?: number } }).PDFViewerApplication;
        return app?.page === 3 ? 3 : null;
      },
      null,
    ).catch((e: unknown) => String(e));
    assert.equal(shown, 3, `pdf.js should be at page 3: ${shown}`);
    await tab.close();
    await panel.close();
  });
});
