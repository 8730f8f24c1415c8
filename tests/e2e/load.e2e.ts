// Load end to end in Chromium: twenty article tabs, each with its own panel, all streaming an answer at once.
// Every answer must land complete in its own tab's conversation (on screen and in storage.local), and a panel
// must still respond to a click while the others stream.
// Run: npx tsx --test tests/e2e/load.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../simulator/server';
import { ask, waitForAnswerStatus } from './lib/answers';
import { openRaw, tabIdVia, type RawPage } from './lib/chrome-pages';
import { answerText, chatCount, flat } from './lib/fault-flow';
import { ARTICLE_TITLE, startFixtureServer, type FixtureServer } from './lib/fixture-server';
import { launchChrome, type ChromeSession } from './lib/launch-chrome';
import { msg } from './lib/messages';
import { configure, SECRET_KEY } from './lib/moonlit-setup';
import { waitForPanelPage } from './lib/panel-flow';
import { waitFor, waitInPage } from './lib/ui-driver';

const TABS = 20;
/** A different answer per tab, long enough (about 8 s at 40 ms a chunk) that all twenty stream together. */
const answerFor = (i: number) =>
  Array.from({ length: 16 }, (_, n) => `Tab ${i + 1} answer, sentence ${n + 1} about its own page.`).join(' ');

interface StoredTurn { answer: string; status: string }
interface StoredConv { url: string; turns: StoredTurn[] }

describe('Moonlit under load in Chromium', () => {
  let sim: Simulator;
  let site: FixtureServer;
  let b: ChromeSession;
  let helper: RawPage;

  before(async () => {
    sim = await startSimulator({ keys: [SECRET_KEY] });
    site = await startFixtureServer();
    b = await launchChrome();
    await configure(b, sim);
    helper = await openRaw(b.context, `${b.origin}/options.html`);
  });

  after(async () => {
    await b?.close();
    await site?.close();
    await sim?.close();
  });

  it(`${TABS} tabs stream at once: every answer lands complete in its own conversation, and a panel still responds`, { timeout: 300_000 }, async () => {
    const panels: RawPage[] = [];
    const urls: string[] = [];
    for (let i = 0; i < TABS; i++) {
      const url = site.url(`article.html?load=${i + 1}`);
      await openRaw(b.context, url);
      const tabId = await tabIdVia(helper.ui, url);
      const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
      await waitForPanelPage(panel.ui, ARTICLE_TITLE);
      panels.push(panel);
      urls.push(url);
    }
    const before = chatCount(sim);
    for (let i = 0; i < TABS; i++) {
      // Behaviours are served in arrival order: wait for each request so answer i goes to tab i.
      sim.script({ content: answerFor(i), chunkSize: 12, chunkDelayMs: 40 });
      await ask(panels[i].ui, `Question from tab ${i + 1}`);
      await waitFor(`the request of tab ${i + 1}`, () => chatCount(sim) - before === i + 1, 20_000);
    }
    const streamingNow = async () => {
      let n = 0;
      for (const p of panels) {
        const s = await p.ui.evaluate(() => document.querySelector('[data-role="answer"]')?.getAttribute('data-status') ?? '', null);
        if (s === 'streaming') n++;
      }
      return n;
    };
    const overlapping = await streamingNow();
    console.log(`  ${overlapping} of ${TABS} answers were streaming at the same moment`);
    assert.ok(overlapping >= 2, 'the answers should overlap in time (they are long enough to)');

    // A click in one panel while the others stream: the history view opens and closes.
    const first = panels[0].ui;
    await first.click(msg('panelHistory'));
    await waitInPage(first, 'the history view to open', (label: string) => !!document.querySelector(`section[aria-label="${label}"]`), msg('historyTitle'));
    await first.click(msg('historyBack'));
    await waitInPage(first, 'the conversation to come back', () => !!document.querySelector('[data-role="answer"]'), null);

    for (let i = 0; i < TABS; i++) {
      const end = await waitForAnswerStatus(panels[i].ui, 0, ['done', 'error', 'stopped'], 60_000);
      assert.equal(end.status, 'done', `tab ${i + 1}'s answer ended as ${end.status}`);
      assert.equal(flat(await answerText(panels[i].ui, 0)), answerFor(i), `tab ${i + 1} should show its own answer, whole`);
    }
    assert.equal(chatCount(sim) - before, TABS, 'one request per question, no retries');

    const stored = await helper.ui.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
      const all = await api.storage.local.get(null);
      return Object.entries(all).filter(([k]) => k.startsWith('conv:')).map(([, v]) => v) as StoredConv[];
    }, null);
    for (let i = 0; i < TABS; i++) {
      const mine = stored.filter((c) => c.url === urls[i]);
      assert.equal(mine.length, 1, `tab ${i + 1} should have exactly one saved conversation, not ${mine.length}`);
      assert.equal(mine[0].turns.length, 1, `tab ${i + 1}'s conversation should hold its one question`);
      assert.equal(mine[0].turns[0].status, 'done');
      assert.equal(mine[0].turns[0].answer, answerFor(i), `tab ${i + 1}'s saved answer should be its own, complete`);
    }
  });
});
