// Checking the page before the click, in Chromium: the panel starts the worker's page check while the question
// is typed and when Send is pressed (utils/panel/warm-port.ts), and the worker keeps that answer only while the
// page reader says nothing changed (utils/background/tab-sources.ts, utils/extract/change-watch.ts). So whatever
// happens in the page between the typing and the click — a press released elsewhere, a new selection, a new
// paragraph — the question the click sends carries the page as it is at the click.
// Run: npx tsx --test tests/e2e/press-to-ask.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Simulator } from '../simulator/server';
import { answerCount } from './lib/answers';
import type { RawPage } from './lib/chrome-pages';
import { lastMessage } from './lib/fault-flow';
import { chatRequests } from './lib/log-checks';
import { msg } from './lib/messages';
import { waitFor } from './lib/ui-driver';
import { useMoonlit } from './lib/moonlit';
import { readerCalls } from './lib/reader-calls';
import { articleAndPanel, leaveAskBox, selectParagraph, sentWith as sentIn, shownSelection, waitForShownSelection } from './lib/selection-flow';

describe('The page checked before the click, in Chromium', () => {
  const m = useMoonlit('chromium');
  let sim: Simulator;
  let tab: RawPage;
  let panel: RawPage;

  before(async () => {
    sim = m().sim;
    ({ tab, panel } = await articleAndPanel(m(), 'press'));
  });

  /** The centre of the Send button, after typing `question`. */
  async function ready(question: string): Promise<{ x: number; y: number }> {
    await panel.page.getByRole('textbox', { name: msg('panelAskLabel'), exact: true }).fill(question);
    const box = await panel.page.getByRole('button', { name: msg('panelSend'), exact: true }).boundingBox({ timeout: 30_000 });
    assert.ok(box, 'the Send button should be visible');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** The one request that carried `question`, once its answer is done. */
  const sentWith = (question: string, index: number) => sentIn(panel.ui, sim, question, index);

  /** Selects paragraph `n` as a user does (the ask box left first), asks `question` with a click held `delay` ms; the request's user message and the selection. */
  async function askAboutSelection(n: number, question: string, delay: number) {
    await leaveAskBox(panel.ui);
    const selected = await selectParagraph(tab.ui, n);
    await waitForShownSelection(panel.ui, selected);
    const at = await ready(question);
    const index = await answerCount(panel.ui);
    await panel.page.mouse.click(at.x, at.y, { delay });
    return { user: await sentWith(question, index), selected };
  }

  it('held for a moment, as a person clicks: one request, with the selection made before the press', { timeout: 60_000 }, async () => {
    // A person's click: the button is held for a moment between press and release.
    const { user, selected } = await askAboutSelection(1, 'What does the held press send?', 150);
    assert.ok(user.includes(`<selection> ${selected} </selection>`), `the request should quote the selection: ${user.slice(0, 300)}`);
  });

  it('a press that ends away from Send sends nothing: Enter then sends the selection made since', { timeout: 60_000 }, async () => {
    const before = chatRequests(sim.log).length;
    const index = await answerCount(panel.ui);
    await leaveAskBox(panel.ui);
    const old = await selectParagraph(tab.ui, 2);
    await waitForShownSelection(panel.ui, old);
    const question = 'Which passage goes with Enter?';
    const at = await ready(question);
    await panel.page.mouse.move(at.x, at.y);
    await panel.page.mouse.down();
    await panel.page.mouse.move(at.x, at.y - 200, { steps: 4 }); // off the button, up into the conversation
    await panel.page.mouse.up();
    await leaveAskBox(panel.ui);
    const now = await selectParagraph(tab.ui, 3);
    assert.notEqual(now, old);
    await waitForShownSelection(panel.ui, now);
    await panel.page.getByRole('textbox', { name: msg('panelAskLabel'), exact: true }).press('Enter');
    const user = await sentWith(question, index);
    assert.ok(user.includes(`<selection> ${now} </selection>`), `the request should quote the selection made after the press: ${user.slice(0, 300)}`);
    assert.ok(!user.includes(old), 'and not the one the press saw');
    // Checked once Enter's answer is done, not after a wait: the press released elsewhere sent nothing.
    assert.equal(chatRequests(sim.log).length, before + 1, 'a press released elsewhere must send nothing');
    assert.equal(await answerCount(panel.ui), index + 1, 'and show no question');
  });

  it('typed while one passage was selected, sent after selecting another (the panel shows it): the request quotes the new one', {
    timeout: 60_000,
  }, async () => {
    const old = await selectParagraph(tab.ui, 4);
    const question = 'Which passage was selected at the click?';
    const at = await ready(question);
    await leaveAskBox(panel.ui);
    const now = await selectParagraph(tab.ui, 5);
    assert.notEqual(now, old);
    await waitForShownSelection(panel.ui, now);
    const index = await answerCount(panel.ui);
    await panel.page.mouse.click(at.x, at.y);
    const user = await sentWith(question, index);
    assert.ok(user.includes(`<selection> ${now} </selection>`), `the request should quote the selection made after typing: ${user.slice(0, 300)}`);
    assert.ok(!user.includes(old), 'and not the one selected while typing');
  });

  it('typed, then the page changed: the request carries the page as it is at the click', { timeout: 60_000 }, async () => {
    await leaveAskBox(panel.ui);
    await tab.page.evaluate(() => getSelection()!.removeAllRanges());
    // The panel has read the tab for the selection gone: any read of the tab from now on is the typing's check.
    await waitFor('the panel to show no selection', async () => (await shownSelection(panel.ui)) === '' || undefined);
    const reads = await readerCalls(m().b.context, await m().tabIdOf(tab.page.url()));
    const question = 'What was added to the page after typing?';
    const at = await ready(question);
    // The page changes only once the worker holds the check the typing started: that answer must not serve the click.
    await reads.answered();
    const ahead = await readerCalls(m().b.context, await m().tabIdOf(tab.page.url()));
    const added = await tab.page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Late addendum: the harbour bell was recast in bronze before the winter storms.';
      document.querySelector('article')!.append(p);
      return p.textContent;
    });
    // The worker held a check, so a question is coming: it reads the changed page again before any click.
    await ahead.answered();
    const index = await answerCount(panel.ui);
    await panel.page.mouse.click(at.x, at.y);
    await sentWith(question, index);
    const carrying = chatRequests(sim.log).filter((r) => (lastMessage(r).content ?? '').includes(question));
    assert.ok(carrying[0].body.includes(added), 'the request should contain the paragraph added after typing');
  });

  it('after a question about a changed page, the next question quotes the selection made since', { timeout: 60_000 }, async () => {
    const { user, selected } = await askAboutSelection(2, 'Which passage is selected now that the page has changed?', 80);
    assert.ok(user.includes(`<selection> ${selected} </selection>`), `the request should quote the selection made after the change: ${user.slice(0, 300)}`);
  });
});
