// Citations from the real panel in Chromium with the e2e build: an answer's [Pn] markers become links that show
// their passage on hover and highlight it in the page on click, citations turned off send no numbers, and a citation
// in an answer about a PDF opens the viewer at its page. The message itself: citations.e2e.ts.
// Run: npx tsx --test tests/e2e/citations-panel.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Simulator } from '../simulator/server';
import { openRaw, type RawPage } from './lib/chrome-pages';
import { useMoonlit } from './lib/moonlit';
import { bounded, waitFor, waitInPage } from './lib/ui-driver';
import { ask, waitForAnswerStatus } from './lib/answers';
import { chatRequests, messagesText } from './lib/log-checks';
import { waitForPanelPage } from './lib/panel-flow';
import { FAR_PASSAGE, highlighted, removeTab, SECOND_PASSAGE, startCiteSite, TITLE, type CiteSite } from './lib/cite-site';

/** The passage number the last chat request gave the passage starting with `start`. */
function passageNumber(sim: Simulator, start: string): number {
  const text = messagesText(chatRequests(sim.log).at(-1)!);
  const m = new RegExp(String.raw`\[P(\d+)\] ${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(text);
  assert.ok(m, `the request should open the passage "${start}" with a [Pn] marker`);
  return Number(m[1]);
}

const buttons = (panel: RawPage) => panel.ui.evaluate(() => [...document.querySelectorAll<HTMLElement>('button.md-cite')].map((b) => b.dataset.cite!), null);
const lastAnswerText = (panel: RawPage) => panel.ui.evaluate(() => [...document.querySelectorAll('[data-role="answer"]')].at(-1)?.textContent ?? '', null);

describe('Citations from the real panel in Chromium', () => {
  const m = useMoonlit('chromium');
  let site: CiteSite;
  let sim: Simulator;

  before(async () => {
    site = await startCiteSite();
    sim = m().sim;
  });

  after(async () => {
    await site?.close();
  });

  async function panelOn(path: string, title: string): Promise<{ tab: RawPage; panel: RawPage; tabId: number; url: string }> {
    const { b } = m();
    const url = site.url(path);
    const tab = await openRaw(b.context, url);
    const tabId = await waitFor(`a tab id for ${url}`, () => b.tabIdOf(url));
    const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(panel.ui, title);
    return { tab, panel, tabId, url };
  }

  it("an answer's citation shows its passage on hover and highlights it on the page on click; a passage gone shows the quote", {
    timeout: 120_000,
  }, async () => {
    const { tab, panel } = await panelOn('/article.html?from=panel', TITLE);
    // First question: learn how Moonlit numbered the passages (and that it asked Kimi to cite them).
    await ask(panel.ui, 'When were the mouse guards fitted?');
    await waitForAnswerStatus(panel.ui, 0, ['done']);
    const far = passageNumber(sim, 'In the last week of October');
    const second = passageNumber(sim, 'Swarm control in May');
    assert.match(messagesText(chatRequests(sim.log).at(-1)!), /cite the passages/);
    // Kimi cites two real passages and one that does not exist; the marker of the third is split across deltas.
    sim.setDefault({
      content: `Mouse guards went on in the last week of October [P${far}]. Swarms were controlled in May [P${second}]. The keeper was paid well [P99999].`,
      chunkSize: 3,
    });
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
    await tip.waitFor({ timeout: 30_000 });
    assert.match((await tip.textContent()) ?? '', /In the last week of October the keeper fitted mouse guards/);

    await tab.page.bringToFront();
    await first.click();
    const marked = await waitFor('the page to highlight the cited passage', () => highlighted(tab.ui).then((h) => (h?.length ? h : null)), 10_000);
    assert.deepEqual(marked, [FAR_PASSAGE]);
    await waitInPage(
      tab.ui,
      'the passage to be scrolled into view',
      () => {
        const r = document.getElementById('far')!.getBoundingClientRect();
        return window.scrollY > 1000 && r.top >= 0 && r.bottom <= window.innerHeight;
      },
      null,
    );

    // The page drops the paragraph: the click says so and shows what Kimi cited; the conversation stays.
    await tab.ui.evaluate(() => document.getElementById('far')!.remove(), null);
    await first.click();
    const status = panel.page.locator('.cite-failed[data-reason="gone"]');
    await status.waitFor({ timeout: 30_000 });
    assert.match((await status.textContent()) ?? '', /no longer on the page[\s\S]*In the last week of October/);
    assert.equal(await panel.page.locator('[data-role="answer"]').count(), 2);

    // Reopened, the panel brings the conversation back with working citations (saved with the answer).
    await tab.page.reload();
    await panel.page.close();
    const again = await openRaw(m().b.context, panel.page.url());
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
      const api = (
        globalThis as unknown as {
          chrome: { storage: { local: { get(k: string): Promise<Record<string, { citations?: boolean }>>; set(v: object): Promise<void> } } };
        }
      ).chrome;
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
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object>>; set(v: object): Promise<void> } } } }
      ).chrome;
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
    await bounded('hovering the citation', button.hover({ timeout: 30_000 }));
    const tip = await bounded('the tooltip text', panel.page.getByRole('tooltip').textContent({ timeout: 30_000 }));
    assert.match(tip ?? '', /Page 3[\s\S]*Ledger page three/);
    await bounded('clicking the citation', button.click({ timeout: 30_000 }));
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
