// Accessibility of the real panel and options page in Chromium: axe-core finds no serious or critical violation
// in light and dark colour schemes (with a streamed Markdown answer and an error on screen), and the panel works
// from the keyboard alone. Run: npx tsx --test tests/e2e/a11y.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Simulator } from '../simulator/server';
import { useMoonlit } from './lib/moonlit';
import { ask, answerCount, waitForAnswerStatus } from './lib/answers';
import { describeViolations, isSerious, runAxe } from './lib/axe';
import { openRaw, type RawPage } from './lib/chrome-pages';
import { ARTICLE_TITLE, type FixtureServer } from './lib/fixture-server';
import type { ChromeSession } from './lib/launch-chrome';
import { chatRequests, messagesText } from './lib/log-checks';
import { msg } from './lib/messages';
import { waitForPanelPage } from './lib/panel-flow';
import { waitInPage } from './lib/ui-driver';

/** Every kind of block the renderer draws, so each gets checked. */
const RICH_ANSWER = [
  '## Winter stores',
  '',
  'The colony needed **eleven kilograms** of honey; see [the guide](https://example.org/bees) and `weigh()`.',
  '',
  '1. Weigh the hive.',
  '2. Block the wind.',
  '',
  '| Month | Weight |',
  '|---|---|',
  '| Nov | 31 kg |',
  '| Feb | 22 kg |',
  '',
  '```python',
  'def weigh(left, right):',
  '    return left + right',
  '```',
  '',
  '> Patience is the whole technique.',
].join('\n');

const SCHEMES = ['light', 'dark'] as const;

describe('Accessibility in Chromium (axe-core, keyboard)', () => {
  let sim: Simulator;
  let site: FixtureServer;
  let b: ChromeSession;
  let panel: RawPage;

  const m = useMoonlit('chromium');
  before(async () => {
    ({ sim, site, b } = m());
    const url = site.url('article.html');
    await openRaw(b.context, url);
    panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${await b.tabIdOf(url)}`);
    await waitForPanelPage(panel.ui, ARTICLE_TITLE);
    // One rich answer, then one that fails (the key is refused), so both are on screen for axe.
    sim.script({ content: RICH_ANSWER, chunkSize: 40, chunkDelayMs: 5 });
    await ask(panel.ui, 'How much honey did the colony need?');
    assert.equal((await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped'])).status, 'done');
    sim.script({ error: { status: 401, type: 'invalid_authentication_error', message: 'Invalid Authentication' } });
    await ask(panel.ui, 'And in spring?');
    assert.equal((await waitForAnswerStatus(panel.ui, 1, ['done', 'error', 'stopped'])).status, 'error');
  });

  for (const scheme of SCHEMES) {
    it(`panel (${scheme}): no serious or critical axe violation with an answer and an error shown`, async () => {
      await panel.page.emulateMedia({ colorScheme: scheme });
      const dark = await panel.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      assert.equal(dark, scheme === 'dark', `the page should see the ${scheme} scheme`);
      const counts = await panel.page.evaluate(() => ({
        tables: document.querySelectorAll('[data-role="answer"] table').length,
        code: document.querySelectorAll('[data-role="answer"] pre code').length,
        alerts: document.querySelectorAll('[role="alert"]').length,
      }));
      assert.ok(counts.tables === 1 && counts.code === 1, `the rich answer should be rendered: ${JSON.stringify(counts)}`);
      assert.ok(counts.alerts >= 1, 'the failed answer should show its error (role="alert")');
      const violations = await runAxe(panel.page);
      const serious = violations.filter(isSerious);
      if (violations.length > serious.length) console.log(`# ${scheme} panel, minor: ${describeViolations(violations.filter((v) => !isSerious(v)))}`);
      assert.deepEqual(
        serious.map((v) => v.id),
        [],
        describeViolations(serious),
      );
    });

    it(`options page (${scheme}): no serious or critical axe violation`, async () => {
      const options = await openRaw(b.context, `${b.origin}/options.html`);
      try {
        await options.page.emulateMedia({ colorScheme: scheme });
        await options.page.getByRole('combobox').first().waitFor({ timeout: 30_000 });
        const violations = await runAxe(options.page);
        const serious = violations.filter(isSerious);
        if (violations.length > serious.length) console.log(`# ${scheme} options, minor: ${describeViolations(violations.filter((v) => !isSerious(v)))}`);
        assert.deepEqual(
          serious.map((v) => v.id),
          [],
          describeViolations(serious),
        );
      } finally {
        await options.ui.close();
      }
    });
  }

  it("Tab alone reaches the question box, Send, Summarize, New chat, History and the answer's buttons", async () => {
    await panel.page.emulateMedia({ colorScheme: 'light' });
    await panel.page.bringToFront();
    await panel.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: string[] = [];
    for (let i = 0; i < 80; i++) {
      await panel.page.keyboard.press('Tab');
      // Each element is marked on its first visit: meeting a marked one again means Tab has gone all the way round.
      const name = await panel.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return '';
        if (el.dataset.tabSeen) return 'AGAIN';
        el.dataset.tabSeen = '1';
        return `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
      });
      if (name === 'AGAIN') break;
      // '' is focus outside the page (the browser's own UI) on the way round.
      if (name) reached.push(name);
    }
    const wanted = [
      `textarea:${msg('panelAskLabel')}`,
      `button:${msg('panelSend')}`,
      `button:${msg('panelSummarize')}`,
      `button:${msg('panelNewChat')}`,
      `button:${msg('panelHistory')}`,
      `button:${msg('turnCopy')}`,
      `button:${msg('turnEdit')}`,
      `button:${msg('mdCopyCode')}`,
    ];
    const missing = wanted.filter((w) => !reached.some((r) => r.startsWith(w)));
    assert.deepEqual(missing, [], `Tab should reach every control; it reached: ${JSON.stringify(reached)}`);
  });

  it('Enter in the question box sends the question', async () => {
    const index = await answerCount(panel.ui);
    const before = chatRequests(sim.log).length;
    sim.script({ content: 'Sent from the keyboard.', chunkSize: 8, chunkDelayMs: 5 });
    await panel.page.getByRole('textbox', { name: msg('panelAskLabel'), exact: true }).focus();
    await panel.page.keyboard.type('Asked with the keyboard only');
    await panel.page.keyboard.press('Enter');
    const final = await waitForAnswerStatus(panel.ui, index, ['done', 'error', 'stopped']);
    assert.equal(final.status, 'done');
    const sent = chatRequests(sim.log).slice(before);
    assert.equal(sent.length, 1, 'Enter should send exactly one request');
    assert.ok(messagesText(sent[0]).includes('Asked with the keyboard only'), 'the request should carry the typed question');
    await waitInPage(panel.ui, 'the box to be emptied after sending', () => document.querySelector('textarea')?.value === '', null);
  });

  it('control: axe in this page does report a faint text and an unlabelled field (so a pass above means something)', async () => {
    await panel.page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'faint text';
      p.style.cssText = 'color:#cccccc;background:#ffffff';
      document.body.append(p, document.createElement('input'));
    });
    const ids = (await runAxe(panel.page)).filter(isSerious).map((v) => v.id);
    assert.ok(ids.includes('color-contrast') && ids.includes('label'), `axe should flag both; it found ${JSON.stringify(ids)}`);
  });
});
