// The side panel part of the flow: streaming, Stop, Summarize.
import assert from 'node:assert/strict';
import { ask, answerCount, answerState, growthSteps, samples, startSampling, waitForAnswerStatus } from './answers';
import { msg } from './messages';
import { waitInPage, type UiPage } from './ui-driver';
import type { Simulator } from '../../simulator/server';

/** A Markdown answer the simulator is told to send, and the text it should render to. */
export const SCRIPTED_ANSWER = [
  'The colony wintered on **eleven kilograms** of honey and one slab of fondant.',
  '',
  '- Weigh the hive instead of opening it.',
  '- Block the wind; frost matters less.',
  '- Look for pollen on the landing board.',
  '',
  'Patience is the whole technique.',
].join('\n');
export const SCRIPTED_ANSWER_TEXT =
  'The colony wintered on eleven kilograms of honey and one slab of fondant. Weigh the hive instead of opening it. ' +
  'Block the wind; frost matters less. Look for pollen on the landing board. Patience is the whole technique.';

/** Long enough that, at one 12-character chunk every 250 ms, it would take over a minute to finish. */
export const SLOW_ANSWER = Array.from({ length: 30 }, (_, i) => `Sentence ${i + 1} of a deliberately slow answer about bees.`).join(' ');

export async function waitForPanelPage(panel: UiPage, title: string): Promise<void> {
  await waitInPage(panel, `the panel to show the bound page's title "${title}"`, (t: string) => document.body.innerText.includes(t), title, {
    describe: () => panel.evaluate(() => document.body.innerText.slice(0, 300), null),
  });
  assert.equal(await panel.count('textbox', 'Ask about this page'), 1, 'the panel should have an "Ask about this page" box');
  assert.equal(await panel.count('button', 'Send'), 1, 'the panel should have a "Send" button');
  assert.equal(await panel.count('button', 'Summarize this page'), 1, 'the panel should have a "Summarize this page" button');
  assert.equal(await panel.count('button', 'Stop'), 0, '"Stop" should only be there while an answer streams');
}

/** Asks `question`; the answer must grow in at least 3 steps while streaming and end as SCRIPTED_ANSWER_TEXT. */
export async function checkStreamedAnswer(panel: UiPage, question: string): Promise<void> {
  const index = await answerCount(panel);
  await startSampling(panel, index, msg('panelWaiting'));
  await ask(panel, question);
  const final = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
  assert.equal(final.status, 'done', `the answer ended as "${final.status}": ${final.text}`);
  const seen = await samples(panel);
  const steps = growthSteps(seen);
  assert.ok(
    steps >= 3,
    `the answer should arrive chunk by chunk (text growing at least 3 times while streaming); it grew ${steps} time(s). ` +
      `Samples: ${JSON.stringify(seen.slice(0, 40))}`,
  );
  assert.equal(final.text, SCRIPTED_ANSWER_TEXT, 'the rendered answer should be exactly what the simulator sent');
  const markup = await panel.evaluate((i: number) => {
    const el = document.querySelectorAll('[data-role="answer"]')[i];
    return { strong: el?.querySelector('strong')?.textContent ?? '', items: el?.querySelectorAll('li').length ?? 0 };
  }, index);
  assert.deepEqual(markup, { strong: 'eleven kilograms', items: 3 }, 'the answer should be rendered as Markdown (bold text and a list)');
  assert.equal(await panel.count('button', 'Stop'), 0, '"Stop" should be gone once the answer is done');
}

/**
 * Asks while the simulator answers slowly, presses Stop after some text, and checks that nothing more arrives: a quick
 * question asked after Stop is answered while the stopped answer stays as it was (the slow one sends a chunk every
 * 250 ms, so text still flowing would show up long before the second answer is done).
 */
export async function checkStop(panel: UiPage, question: string, sim: Pick<Simulator, 'script'>): Promise<void> {
  const index = await answerCount(panel);
  await ask(panel, question);
  await waitInPage(
    panel,
    'some of the slow answer to arrive',
    (i: number) => {
      const el = document.querySelectorAll<HTMLElement>('[data-role="answer"]')[i];
      return !!el && el.getAttribute('data-status') === 'streaming' && (el.innerText.match(/Sentence/g) ?? []).length >= 1;
    },
    index,
    { describe: async () => JSON.stringify(await answerState(panel, index)) },
  );
  assert.equal(await panel.count('button', 'Stop'), 1, '"Stop" should be there while the answer streams');
  await panel.click('Stop');
  const stopped = await waitForAnswerStatus(panel, index, ['stopped', 'done', 'error'], 10_000);
  assert.equal(stopped.status, 'stopped', `after Stop the answer should be "stopped", not "${stopped.status}"`);
  assert.ok(stopped.text.length > 0, 'the partial answer should stay after Stop');
  assert.ok(SLOW_ANSWER.startsWith(stopped.text.slice(0, 20)), `the kept text should be the start of the answer: "${stopped.text}"`);
  assert.ok(stopped.text.length < SLOW_ANSWER.length / 2, 'Stop should have ended the answer early');
  assert.ok(await panel.evaluate((t: string) => document.body.innerText.includes(t), msg('panelStopped')), `the panel should say "${msg('panelStopped')}"`);
  assert.equal(await panel.count('button', 'Send'), 1, '"Send" should be back after Stop');
  sim.script({ content: 'A quick answer after Stop.', chunkSize: 8, chunkDelayMs: 5 });
  await ask(panel, 'And now a quick one?');
  const next = await waitForAnswerStatus(panel, index + 1, ['done', 'error', 'stopped']);
  assert.equal(next.status, 'done', `the question after Stop ended as "${next.status}": ${next.text}`);
  const later = await answerState(panel, index);
  assert.equal(later.text, stopped.text, 'no more text should arrive after Stop');
  assert.equal(later.status, 'stopped', 'the answer should stay "stopped"');
}

/** Presses "Summarize this page"; the simulator's default answer quotes how much page text it read. */
export async function checkSummarize(panel: UiPage): Promise<string> {
  const index = await answerCount(panel);
  await panel.click('Summarize this page');
  const final = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
  assert.equal(final.status, 'done', `the summary ended as "${final.status}": ${final.text}`);
  const read = /I read ([\d,]+) characters of page text/.exec(final.text);
  assert.ok(read, `the summary should be the simulator's default answer; got: ${final.text.slice(0, 300)}`);
  assert.ok(Number(read[1].replace(/,/g, '')) > 1000, `the summary request should carry the page text; it had ${read[1]} characters`);
  return final.text;
}
