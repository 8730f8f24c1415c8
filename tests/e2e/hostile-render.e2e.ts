// Model output built to freeze or break the renderer, streamed into the real panel in Chromium and in Firefox
// ESR: exponential citation markers, quotes, lists and bold nested thousands deep, TeX with thousands of nested
// braces. The panel must stay responsive (every round trip to it completes, a later question is answered and
// rendered), show what it cannot format as text, and render the whole conversation again when reopened.
// Run: npx tsx --test --test-reporter=spec tests/e2e/hostile-render.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulator, type Simulator } from '../simulator/server';
import { ask, waitForAnswerStatus } from './lib/answers';
import type { ExtensionBrowser } from './lib/extension-browser';
import { ARTICLE_TITLE, startFixtureServer, type FixtureServer } from './lib/fixture-server';
import { checkHostileAnswer, HOSTILE_ANSWERS } from './lib/hostile-answers';
import { launchChrome } from './lib/launch-chrome';
import { launchFirefox } from './lib/launch-firefox';
import { configure, panelFor, SECRET_KEY } from './lib/moonlit-setup';
import { waitForPanelPage } from './lib/panel-flow';
import { bounded, type UiPage } from './lib/ui-driver';

/** A page script answering at once: a frozen panel would not (bounded, so a freeze fails the test). */
async function roundTrip(panel: UiPage, after: string): Promise<void> {
  const value = await bounded(`a round trip to the panel after ${after}`, panel.evaluate((n: number) => n + 1, 41), 15_000);
  assert.equal(value, 42);
}

const BROWSERS: [string, () => Promise<ExtensionBrowser>][] = [
  ['Chromium', () => launchChrome()],
  ['Firefox ESR', () => launchFirefox()],
];

for (const [name, launch] of BROWSERS) {
  describe(`hostile answers in the real panel in ${name}`, () => {
    let sim: Simulator;
    let site: FixtureServer;
    let b: ExtensionBrowser;

    before(async () => {
      sim = await startSimulator({ keys: [SECRET_KEY] });
      site = await startFixtureServer();
      b = await launch();
      await configure(b, sim);
    });

    after(async () => {
      await b?.close();
      await site?.close();
      await sim?.close();
    });

    it('stream in, leave the panel responsive, show what cannot be formatted as text, and render again when reopened', { timeout: 300_000 }, async () => {
      const url = site.url('article.html?hostile-render');
      const { panel, tabId } = await panelFor(b, url, ARTICLE_TITLE, (u) => b.tabIdOf(u));
      for (const [i, answer] of HOSTILE_ANSWERS.entries()) {
        sim.script({ content: answer.content, chunkSize: 256, chunkDelayMs: 1 });
        await ask(panel, `Hostile answer ${i + 1}`);
        const end = await waitForAnswerStatus(panel, i, ['done', 'error', 'stopped'], 60_000);
        assert.equal(end.status, 'done', `${answer.name}: ended as ${end.status}`);
        await roundTrip(panel, answer.name);
        assert.equal(await checkHostileAnswer(panel, answer, i), '', answer.name);
      }
      // A later ordinary question is answered and rendered.
      const last = HOSTILE_ANSWERS.length;
      sim.script({ content: 'An ordinary **answer** after all that.', chunkSize: 8, chunkDelayMs: 1 });
      await ask(panel, 'And an ordinary question?');
      await waitForAnswerStatus(panel, last, ['done'], 30_000);
      const bold = await panel.evaluate((n: number) => document.querySelectorAll('[data-role="answer"]')[n]?.querySelector('strong')?.textContent, last);
      assert.equal(bold, 'answer', 'the ordinary answer should render its bold');
      await panel.close();

      // Reopened, the conversation comes back from storage and renders again, as responsive.
      const reopened = await b.open(`${b.origin}/sidepanel.html?tabId=${tabId}`);
      await waitForPanelPage(reopened, ARTICLE_TITLE);
      await waitForAnswerStatus(reopened, last, ['done'], 60_000);
      await roundTrip(reopened, 'reopening');
      for (const [i, answer] of HOSTILE_ANSWERS.entries()) {
        assert.equal(await checkHostileAnswer(reopened, answer, i), '', `reopened: ${answer.name}`);
      }
      await reopened.close();
    });
  });
}
