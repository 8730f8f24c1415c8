// One menu action, two panels bound to the same tab (the side panel and a popped-out one): the worker hands
// the action to exactly one of them, so exactly one chat request goes out and one panel shows the answer.
// The action is fired through the real listener (Chromium: contextMenus.onClicked.dispatch in the worker;
// Firefox: the handler the e2e build exposes on the background page). An action that comes while an answer streams
// waits for it, and goes once the answer is stopped.
// Run: npx tsx --test --test-reporter=spec tests/e2e/pending-once.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Simulator } from '../simulator/server';
import { answerState, ask, waitForAnswerStatus, waitForTurn } from './lib/answers';
import { clickMenu } from './lib/menu-click';
import { msg } from './lib/messages';
import { currentWorker } from './lib/chrome-pages';
import { ARTICLE_TITLE } from './lib/fixture-server';
import { chatRequests } from './lib/log-checks';
import { useMoonlit, type Moonlit } from './lib/moonlit';
import { waitForPanelPage } from './lib/panel-flow';
import { waitFor, type UiPage } from './lib/ui-driver';

const ANSWER = 'One answer, in one panel only.';
const ROUNDS = 3;

/** Answers (any status) in each panel. */
const counts = async (panels: UiPage[]) => Promise.all(panels.map(async (p) => (await answerState(p, 0)).count));

/** Finished answers in all panels together. */
async function doneCount(panels: UiPage[]): Promise<number> {
  const each = await Promise.all(
    panels.map((p) =>
      p.evaluate(() => [...document.querySelectorAll('[data-role="answer"]')].filter((a) => a.getAttribute('data-status') === 'done').length, null),
    ),
  );
  return each.reduce((a, b) => a + b, 0);
}

/** Fires the menu item `ROUNDS` times, each after the last answer finished; checks one request and one answer each time. */
async function checkOnce(sim: Simulator, panels: UiPage[], fire: () => Promise<void>, pending: () => Promise<unknown[]>): Promise<void> {
  for (let round = 1; round <= ROUNDS; round++) {
    const before = chatRequests(sim.log).length;
    await fire();
    // Answers are only ever added, one per round: wait until this round's is done in one of the panels.
    await waitFor(`answer #${round} to finish in one of the panels`, async () => (await doneCount(panels)) >= round, 30_000);
    // Both panels have asked by now or will be told "nothing" (the action is off the list): the list is empty.
    assert.deepEqual(await pending(), [], 'the action should be taken off the pending list');
    const perPanel = await counts(panels);
    const total = perPanel.reduce((a, b) => a + b, 0);
    assert.equal(total, round, `after ${round} action(s), ${round} answer(s) in all; the panels show ${JSON.stringify(perPanel)}`);
    assert.equal(chatRequests(sim.log).length - before, 1, `round ${round}: exactly one chat request`);
  }
  // A panel that ran an action late would show it in the next round's count; after the last, in the totals.
  assert.equal(
    (await counts(panels)).reduce((a, b) => a + b, 0),
    ROUNDS,
    'no panel ran an action twice',
  );
  assert.equal(chatRequests(sim.log).length, ROUNDS, `${ROUNDS} actions, ${ROUNDS} chat requests`);
}

/** An article tab with two panels bound to it, both showing the page. */
async function twoPanelsOnOneTab(m: Moonlit): Promise<{ url: string; tabId: number; panels: UiPage[] }> {
  m.sim.setDefault({ content: ANSWER });
  const url = m.site.url('article.html');
  await m.open(url);
  const tabId = await m.tabIdOf(url);
  const panels: UiPage[] = [];
  for (let i = 0; i < 2; i++) {
    const p = (await m.open(`${m.b.origin}/sidepanel.html?tabId=${tabId}`)).ui;
    await waitForPanelPage(p, ARTICLE_TITLE);
    panels.push(p);
  }
  return { url, tabId, panels };
}

describe('A menu action runs once with two panels on one tab (Chromium)', () => {
  const m = useMoonlit('chromium');
  let panels: UiPage[];
  let tabId: number;
  let url: string;

  before(async () => {
    ({ url, tabId, panels } = await twoPanelsOnOneTab(m()));
  });

  it('"summarize-page" fired through contextMenus.onClicked: one chat request, one panel answers', { timeout: 120_000 }, async () => {
    const { sim, b } = m();
    const fire = async () => {
      const worker = await currentWorker(b.context);
      await worker.evaluate(
        async ([tab, pageUrl]: [number, string]) => {
          type Ev = { dispatch(...args: unknown[]): void };
          const c = (globalThis as unknown as { chrome: { tabs: { get(id: number): Promise<object> }; contextMenus: { onClicked: Ev } } }).chrome;
          c.contextMenus.onClicked.dispatch({ menuItemId: 'summarize-page', editable: false, pageUrl }, await c.tabs.get(tab));
        },
        [tabId, url] as [number, string],
      );
    };
    const pending = async () =>
      (await currentWorker(b.context)).evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown[]>> } } } }).chrome;
        return (await c.storage.session.get('pendingActions')).pendingActions ?? [];
      });
    await checkOnce(sim, panels, fire, pending);
  });
});

describe('A menu action runs once with two panels on one tab (Firefox ESR)', () => {
  const m = useMoonlit('firefox');
  let panels: UiPage[];
  let tabId: number;
  let url: string;

  before(async () => {
    ({ url, tabId, panels } = await twoPanelsOnOneTab(m()));
  });

  it('"summarize-page" through the background\'s menu handler: one chat request, one panel answers', { timeout: 120_000 }, async () => {
    const { sim, helper } = m();
    const fire = async () => {
      const error = await helper.evaluate(
        async ([tab, pageUrl]: [number, string]) => {
          type Api = {
            runtime: { getBackgroundPage(): Promise<{ __moonlit: { onMenuClicked(info: object, tab: object): Promise<unknown> } }> };
            tabs: { get(id: number): Promise<object> };
          };
          const api = (globalThis as unknown as { browser: Api }).browser;
          try {
            await (await api.runtime.getBackgroundPage()).__moonlit.onMenuClicked(
              { menuItemId: 'summarize-page', editable: false, pageUrl },
              await api.tabs.get(tab),
            );
            return '';
          } catch (e) {
            return String(e);
          }
        },
        [tabId, url] as [number, string],
      );
      assert.equal(error, '', `the background's handler threw: ${error}`);
    };
    const pending = () =>
      helper.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { storage: { session: { get(k: string): Promise<Record<string, unknown[]>> } } } }).browser;
        return (await api.storage.session.get('pendingActions')).pendingActions ?? [];
      }, null);
    await checkOnce(sim, panels, fire, pending);
  });
});

const QUESTION = 'What does the article say first?';

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`A menu action that comes while an answer streams waits for it (${kind})`, () => {
    const m = useMoonlit(kind);
    it('the panel says it waits and sends nothing more; Stop ends the answer and the action goes', { timeout: 120_000 }, async () => {
      const mm = m();
      mm.sim.setDefault({ content: ANSWER });
      const url = mm.site.url('article.html');
      const { panel, tabId } = await mm.panelFor(url, ARTICLE_TITLE);
      mm.sim.script({ content: 'The article begins with', pause: { afterChunk: 1, ms: 600_000 } });
      await ask(panel.ui, QUESTION);
      await waitForTurn(panel.ui, QUESTION, ['streaming']);
      // The turn streams in the panel before its request reaches the simulator: count from the request on.
      await waitFor('the question at the simulator', () => chatRequests(mm.sim.log).some((r) => JSON.stringify(r.json).includes(QUESTION)) || null);
      const before = chatRequests(mm.sim.log).length;
      await clickMenu(mm, tabId, { menuItemId: 'summarize-page', pageUrl: url });
      const held = await waitFor('the panel to say the action waits', () =>
        panel.ui.evaluate(() => document.querySelector('.action-held')?.textContent || null, null),
      );
      assert.equal(held, msg('actionsHeld'));
      assert.equal(chatRequests(mm.sim.log).length, before, 'nothing more is sent while the answer streams');
      await panel.ui.click(msg('panelStop'));
      await waitForAnswerStatus(panel.ui, 1, ['done']);
      // The status shows at once; innerText has the text once a frame has placed its block (content-visibility: auto).
      await waitFor('the summary to read as sent', async () => (await answerState(panel.ui, 1)).text === ANSWER || null);
      assert.equal((await answerState(panel.ui, 0)).status, 'stopped', 'the first answer stays, stopped');
      assert.equal(chatRequests(mm.sim.log).length, before + 1, 'the action sent exactly one request');
      await waitFor('the note gone', () => panel.ui.evaluate(() => !document.querySelector('.action-held') || null, null));
    });
  });
}
