// The selection changes while a question is typed: the panel shows the new one, and the question carries exactly
// what the panel shows at "Send" (the worker never puts in a selection read at the click).
import assert from 'node:assert/strict';
import type { Simulator } from '../../simulator/server';
import { answerCount, waitForAnswerStatus } from './answers';
import type { RawPage } from './chrome-pages';
import { lastMessage } from './fault-flow';
import { ARTICLE_TITLE } from './fixture-server';
import { chatRequests } from './log-checks';
import type { ChromeMoonlit } from './moonlit';
import { rawTabAndPanel } from './raw-panel';
import { waitFor, type UiPage } from './ui-driver';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Selects the n-th paragraph of the article page and returns the text selected. */
export const selectParagraph = (article: UiPage, n: number) =>
  article.evaluate((i: number) => {
    const p = document.querySelectorAll('article p')[i];
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString().replace(/\s+/g, ' ').trim();
  }, n);

/** The selection the panel shows above the question box ('' when none), whitespace collapsed. */
export const shownSelection = (panel: UiPage) =>
  panel.evaluate(() => {
    const line = document.querySelector('.selection-line .selection-quote')?.textContent ?? '';
    // Selection: “…” (either language): the text between the quotes.
    const quote = line.slice(line.indexOf('“') + 1, line.lastIndexOf('”'));
    return quote.replace(/\s+/g, ' ').trim();
  }, null);

/** Waits until the panel shows `text` as the selection that goes with the next question. */
export async function waitForShownSelection(panel: UiPage, text: string): Promise<void> {
  const want = text.slice(0, 60);
  await waitFor(`the panel to show the selection "${want}…"`, async () => (await shownSelection(panel)).includes(want) || undefined);
}

/** The user leaves the question box for the page (an automated page keeps its focus: take it away as a click in the page would). */
export const leaveAskBox = (panel: UiPage) => panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), null);

export async function checkSelectionAtSend(panel: UiPage, article: UiPage, sim: Simulator): Promise<void> {
  const question = 'Which passage is selected when I press Send?';
  const old = await selectParagraph(article, 0);
  await panel.fill('Ask about this page', question);
  await leaveAskBox(panel);
  const now = await selectParagraph(article, 1);
  assert.notEqual(now, old, 'the two paragraphs should differ');
  // The question carries the selection the panel shows: wait until it shows the new one.
  await waitForShownSelection(panel, now);
  const index = await answerCount(panel);
  await panel.click('Send');
  const user = await sentWith(panel, sim, question, index);
  assert.ok(user.includes(`<selection> ${now} </selection>`), `the request should quote the selection the panel showed: ${user.slice(0, 300)}`);
  assert.ok(!user.includes(`<selection> ${old}`), 'and not the one selected while typing');
  await article.evaluate(() => getSelection()!.removeAllRanges(), null);
}

/** Chromium: an article tab (`?tag`) and a panel bound to it, as raw pages; the simulator answers "Noted." briefly. */
export async function articleAndPanel(m: ChromeMoonlit, tag: string): Promise<{ tab: RawPage; panel: RawPage }> {
  m.sim.setDefault({ content: 'Noted.', chunkSize: 4, chunkDelayMs: 5 });
  return rawTabAndPanel(m.b, m.site.url(`article.html?${tag}`), ARTICLE_TITLE);
}

/** Once answer #`index` is done: the user message (white space folded) of the one request that carried `question`. */
export async function sentWith(panel: UiPage, sim: Simulator, question: string, index: number): Promise<string> {
  const end = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
  assert.equal(end.status, 'done', `the answer ended as ${end.status}: ${end.text.slice(0, 200)}`);
  const carrying = chatRequests(sim.log).filter((r) => (lastMessage(r).content ?? '').includes(question));
  assert.equal(carrying.length, 1, `exactly one request should carry "${question}"`);
  return flat(lastMessage(carrying[0]).content ?? '');
}
