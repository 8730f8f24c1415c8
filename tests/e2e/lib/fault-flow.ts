// Steps the fault tests share: a long plain answer whose rendered text is easy to compare, reading an answer's
// text, and checking that one click continues a cut-off answer with Partial Mode.
import assert from 'node:assert/strict';
import type { RecordedRequest, Simulator } from '../../simulator/server';
import { waitForAnswerStatus } from './answers';
import { chatRequests } from './log-checks';
import { waitInPage, type UiPage } from './ui-driver';

/** Plain sentences (no Markdown syntax), so the rendered text is the sent text with spaces collapsed. */
export const LONG_ANSWER = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} says the colony stayed warm.`).join(' ');

export const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text of answer `index` (textContent: answers scrolled out of view are skipped by content-visibility). */
export const answerText = (panel: UiPage, index: number): Promise<string> =>
  panel.evaluate((i: number) => document.querySelectorAll('[data-role="answer"]')[i]?.textContent ?? '', index);

/** Waits until answer `index` streams at least `chars` characters. */
export async function waitForStreamedText(panel: UiPage, index: number, chars: number, timeoutMs = 20_000): Promise<void> {
  await waitInPage(
    panel,
    `answer #${index + 1} to stream ${chars} characters`,
    ([i, n]: [number, number]) => {
      const el = document.querySelectorAll('[data-role="answer"]')[i];
      return !!el && el.getAttribute('data-status') === 'streaming' && (el.textContent ?? '').length >= n;
    },
    [index, chars] as [number, number],
    { timeoutMs },
  );
}

/** The text of every role="alert" element. */
export const alertText = (panel: UiPage): Promise<string> =>
  panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('[role="alert"]')].map((a) => a.textContent ?? '').join(' | '), null);

export const chatCount = (sim: Simulator) => chatRequests(sim.log).length;

/** The last message of a chat request. */
export function lastMessage(r: RecordedRequest): { role?: string; content?: string; partial?: boolean } {
  const messages = (r.json as { messages?: { role?: string; content?: string; partial?: boolean }[] }).messages ?? [];
  return messages.at(-1) ?? {};
}

/**
 * The answer was cut off with `kept` shown. One click on `button` sends exactly one request whose last message is
 * the assistant's text so far with partial:true, and the answer ends complete as `full`.
 */
export async function checkOneClickContinues(sim: Simulator, panel: UiPage, index: number, kept: string, full: string, button = 'Continue'): Promise<void> {
  const before = chatCount(sim);
  await panel.click(button);
  const end = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped'], 30_000);
  assert.equal(end.status, 'done', `after "${button}" the answer ended as ${end.status}: ${end.text.slice(0, 200)}`);
  const sent = chatRequests(sim.log).slice(before);
  assert.equal(sent.length, 1, `one click should send exactly one request, not ${sent.length}`);
  const last = lastMessage(sent[0]);
  assert.equal(last.role, 'assistant', 'the continuation should end with the assistant message');
  assert.equal(last.partial, true, 'the continuation should use Partial Mode');
  assert.equal(flat(last.content ?? ''), flat(kept), 'the partial message should be exactly the text that was kept');
  assert.ok(full.startsWith(last.content ?? '\u0000'), 'the kept text should be the start of the answer');
  assert.equal(flat(await answerText(panel, index)), flat(full), 'the continued answer should be complete, with nothing lost or doubled');
}
