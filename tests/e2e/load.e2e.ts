// Load end to end in Chromium: twenty article tabs, each with its own panel, all streaming an answer at once.
// Every answer must land complete in its own tab's conversation (on screen and in storage.local), and a panel
// must still respond to a click while the others stream.
// Run: npx tsx --test tests/e2e/load.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Simulator } from '../simulator/server';
import { waitForAnswerStatus } from './lib/answers';
import { openRaw, tabIdVia, type RawPage } from './lib/chrome-pages';
import { answerText, chatCount, flat } from './lib/fault-flow';
import { chatRequests } from './lib/log-checks';
import { defaultAnswer } from '../simulator/answer';
import { ARTICLE_TITLE, type FixtureServer } from './lib/fixture-server';
import type { ChromeSession } from './lib/launch-chrome';
import { msg } from './lib/messages';
import { useMoonlit } from './lib/moonlit';
import { waitForPanelPage } from './lib/panel-flow';
import { waitInPage, type UiPage } from './lib/ui-driver';

const TABS = 20;
/**
 * The simulator's default answer quotes the question ("You asked: “Question from tab 7”"), so an answer shows
 * whose it is whatever order the requests reach the simulator in. 3 characters every 150 ms: about 8 s each.
 */
const SLOW_DEFAULT = { chunkSize: 3, chunkDelayMs: 150 };
const question = (i: number) => `Question from tab ${i + 1}`;

/** Types `text` into "Ask about this page" and clicks "Send", as DOM events in the page. */
async function sendThroughDom(panel: UiPage, text: string): Promise<void> {
  const sent = await panel.evaluate(
    ([label, send, value]: [string, string, string]) => {
      const box = document.querySelector<HTMLTextAreaElement>(`textarea[aria-label="${label}"]`);
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === send);
      if (!box || !button) return false;
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
      // Preact re-renders on the input event before the click reads the text.
      return new Promise<boolean>((resolve) =>
        setTimeout(() => {
          button.click();
          resolve(true);
        }, 0),
      );
    },
    [msg('panelAskLabel'), msg('panelSend'), text] as [string, string, string],
  );
  assert.ok(sent, 'the panel should have its ask box and "Send" button');
}

interface StoredTurn {
  answer: string;
  status: string;
}
interface StoredConv {
  url: string;
  turns: StoredTurn[];
}

describe('Moonlit under load in Chromium', () => {
  const m = useMoonlit('chromium');
  let sim: Simulator;
  let site: FixtureServer;
  let b: ChromeSession;
  let helper: UiPage;
  before(() => void ({ sim, site, b, helper } = m()));

  it(`${TABS} tabs stream at once: every answer lands complete in its own conversation, and a panel still responds`, { timeout: 300_000 }, async () => {
    const panels: RawPage[] = [];
    const urls: string[] = [];
    for (let i = 0; i < TABS; i++) {
      const url = site.url(`article.html?load=${i + 1}`);
      await openRaw(b.context, url);
      const tabId = await tabIdVia(helper, url);
      const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
      await waitForPanelPage(panel.ui, ARTICLE_TITLE);
      panels.push(panel);
      urls.push(url);
    }
    const before = chatCount(sim);
    sim.setDefault(SLOW_DEFAULT);
    // All twenty asked one after another without waiting. Chromium opens at most 6 HTTP/1.1 connections per host
    // (the simulator speaks HTTP/1.1; Kimi's API is HTTP/2), so the rest wait in the browser's queue, still
    // "streaming" in their panels, and start as others finish.
    const t0 = Date.now();
    // Typed and sent through the DOM: Playwright's actionability checks wait for animation frames, which
    // background tabs barely get, and would spread the twenty questions over half a minute.
    for (let i = 0; i < TABS; i++) await sendThroughDom(panels[i].ui, question(i));
    console.log(`  asking ${TABS} questions took ${Date.now() - t0} ms`);
    const streamingNow = async () => {
      let n = 0;
      for (const p of panels) {
        const s = await p.ui.evaluate(() => document.querySelector('[data-role="answer"]')?.getAttribute('data-status') ?? '', null);
        if (s === 'streaming') n++;
      }
      return n;
    };
    const overlapping = await streamingNow();
    console.log(`  ${overlapping} of ${TABS} answers were in progress at the same moment`);
    assert.equal(overlapping, TABS, 'all answers should be in progress at once when the last has been asked');

    // A click in one panel while the others stream: the history view opens and closes.
    const first = panels[0].ui;
    await first.click(msg('panelHistory'));
    await waitInPage(first, 'the history view to open', (label: string) => !!document.querySelector(`section[aria-label="${label}"]`), msg('historyTitle'));
    await first.click(msg('historyBack'));
    await waitInPage(first, 'the conversation to come back', () => !!document.querySelector('[data-role="answer"]'), null);

    for (let i = 0; i < TABS; i++) {
      const end = await waitForAnswerStatus(panels[i].ui, 0, ['done', 'error', 'stopped'], 90_000);
      assert.equal(end.status, 'done', `tab ${i + 1}'s answer ended as ${end.status}`);
      assert.ok(flat(await answerText(panels[i].ui, 0)).includes(`You asked: “${question(i)}”`), `tab ${i + 1} should show its own answer`);
    }
    sim.setDefault({});
    const requests = chatRequests(sim.log).slice(before);
    assert.equal(requests.length, TABS, 'one request per question, no retries');
    // What the simulator sent for each question, rebuilt from the request it received.
    const sentFor = new Map<string, string>();
    for (const r of requests) {
      const body = r.json as { model: string; messages: { role: string; content: string }[] };
      const asked = body.messages.at(-1)!.content;
      sentFor.set(asked, defaultAnswer({ model: body.model, messages: body.messages, json: false }));
    }
    const stored = await helper.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
      const all = await api.storage.local.get(null);
      return Object.entries(all)
        .filter(([k]) => k.startsWith('conv:'))
        .map(([, v]) => v) as StoredConv[];
    }, null);
    for (let i = 0; i < TABS; i++) {
      const mine = stored.filter((c) => c.url === urls[i]);
      assert.equal(mine.length, 1, `tab ${i + 1} should have exactly one saved conversation, not ${mine.length}`);
      assert.equal(mine[0].turns.length, 1, `tab ${i + 1}'s conversation should hold its one question`);
      assert.equal(mine[0].turns[0].status, 'done');
      assert.equal(mine[0].turns[0].answer, sentFor.get(question(i)), `tab ${i + 1}'s saved answer should be its own, complete`);
    }
  });

  it('two tabs on the same page, both asking in turn: no question or answer is lost', { timeout: 120_000 }, async () => {
    const url = site.url('article.html?same-page');
    const panels: RawPage[] = [];
    const asked: string[] = [];
    const askIn = async (panel: RawPage, q: string) => {
      const index = await panel.ui.evaluate(() => document.querySelectorAll('[data-role="answer"]').length, null);
      await sendThroughDom(panel.ui, q);
      await waitForAnswerStatus(panel.ui, index, ['done'], 30_000);
      asked.push(q);
    };
    for (let i = 0; i < 2; i++) {
      // The second tab opens once the first one's conversation exists.
      await b.context.newPage().then((p) => p.goto(url));
      const ids = await helper.evaluate(async (u: string) => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
        return (await api.tabs.query({})).filter((t) => t.url === u).map((t) => t.id!);
      }, url);
      const tabId = ids.find((id) => !panels.some((p) => p.page.url().endsWith(`tabId=${id}`)))!;
      const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
      await waitForPanelPage(panel.ui, ARTICLE_TITLE);
      panels.push(panel);
      await askIn(panel, `Same page, tab ${i + 1}, first question`);
    }
    await askIn(panels[0], 'Same page, tab 1, second question');
    const stored = await helper.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome;
      const all = await api.storage.local.get(null);
      return Object.entries(all)
        .filter(([k]) => k.startsWith('conv:'))
        .map(([, v]) => v) as StoredConv[];
    }, null);
    const saved = new Set(stored.filter((c) => c.url === url).flatMap((c) => c.turns.map((t) => (t as unknown as { question: string }).question)));
    assert.deepEqual(
      asked.filter((q) => !saved.has(q)),
      [],
      'every question asked in either tab should still be saved',
    );
  });
});
