// The page changes while a question is typed: the question must carry the page as it is at "Send"
// (the worker holds the check started by the typing only while the page reader says nothing changed).
import assert from 'node:assert/strict';
import type { Simulator } from '../../simulator/server';
import { answerCount, waitForAnswerStatus } from './answers';
import { lastMessage } from './fault-flow';
import { chatRequests } from './log-checks';
import type { UiPage } from './ui-driver';

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

export async function checkSelectionAtSend(panel: UiPage, article: UiPage, sim: Simulator): Promise<void> {
  const question = 'Which passage is selected when I press Send?';
  const old = await selectParagraph(article, 0);
  await panel.fill('Ask about this page', question);
  await new Promise((r) => setTimeout(r, 500)); // the check the typing started is answered by now
  const now = await selectParagraph(article, 1);
  assert.notEqual(now, old, 'the two paragraphs should differ');
  const index = await answerCount(panel);
  await panel.click('Send');
  const end = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
  assert.equal(end.status, 'done', `the answer ended as ${end.status}: ${end.text.slice(0, 200)}`);
  const carrying = chatRequests(sim.log).filter((r) => (lastMessage(r).content ?? '').includes(question));
  assert.equal(carrying.length, 1, 'exactly one request should carry the question');
  const user = flat(lastMessage(carrying[0]).content ?? '');
  assert.ok(user.includes(`<selection> ${now} </selection>`), `the request should quote the selection made after typing: ${user.slice(0, 300)}`);
  assert.ok(!user.includes(`<selection> ${old}`), 'and not the one selected while typing');
  await article.evaluate(() => getSelection()!.removeAllRanges(), null);
}
