// Model output built to freeze or break the renderer, streamed into the real panel in Chromium and in Firefox
// ESR: exponential citation markers, quotes, lists and bold nested thousands deep, TeX with thousands of nested
// braces. The panel must stay responsive (every round trip to it completes, a later question is answered and
// rendered), show what it cannot format as text, and render the whole conversation again when reopened.
// Run: npx tsx --test --test-reporter=spec tests/e2e/hostile-render.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ask, waitForAnswerStatus } from './lib/answers';
import { ARTICLE_TITLE } from './lib/fixture-server';
import { checkHostileAnswer, HOSTILE_ANSWERS } from './lib/hostile-answers';
import { useMoonlit, type BrowserKind } from './lib/moonlit';
import { waitForPanelPage } from './lib/panel-flow';
import { bounded, type UiPage } from './lib/ui-driver';

/** A page script answering at once: a frozen panel would not (bounded, so a freeze fails the test). */
async function roundTrip(panel: UiPage, after: string): Promise<void> {
  const value = await bounded(
    `a round trip to the panel after ${after}`,
    panel.evaluate((n: number) => n + 1, 41),
    15_000,
  );
  assert.equal(value, 42);
}

const BROWSERS: [string, BrowserKind][] = [
  ['Chromium', 'chromium'],
  ['Firefox ESR', 'firefox'],
];

for (const [name, kind] of BROWSERS) {
  describe(`hostile answers in the real panel in ${name}`, () => {
    const m = useMoonlit(kind);

    it('stream in, leave the panel responsive, show what cannot be formatted as text, and render again when reopened', { timeout: 300_000 }, async () => {
      const { sim, site, b } = m();
      const opened = await m().panelFor(site.url('article.html?hostile-render'), ARTICLE_TITLE);
      const { tabId } = opened;
      const panel = opened.panel.ui;
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
      await opened.panel.close();

      // Reopened, the conversation comes back from storage and renders again, as responsive.
      const reopened = (await m().open(`${b.origin}/sidepanel.html?tabId=${tabId}`)).ui;
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
