// Context-menu items and keyboard commands, fired for real (Chromium's onClicked/onCommand.dispatch, or the
// handlers the Firefox e2e build exposes) and checked by what the bound panel streams and what reached Kimi.
import assert from 'node:assert/strict';
import type { Simulator } from '../../simulator/server';
import { defaultInstruction } from '../../../utils/kimi/prompt-text';
import { answerCount, answerState, growthSteps, samples, startSampling, waitForAnswerStatus } from './answers';
import { ARTICLE_SENTENCE } from './fixture-server';
import { chatRequests, messagesText } from './log-checks';
import { msg } from './messages';
import { waitInPage, type UiPage } from './ui-driver';

export interface ActionCase {
  via: 'menu' | 'command';
  /** The menu item id or the command name. */
  id: string;
  /** Whether text is selected on the article first (and, for menus, passed as selectionText). */
  select: boolean;
  /** Text the question message of the chat request must contain (whitespace collapsed). */
  expect: string[];
  /** Text the question message must end with: what the user (or the action) asked. */
  asked: string;
}

const S = ARTICLE_SENTENCE;
/** A built-in prompt as the panel asks it: its variables name the data sent with it. */
export const asked = (key: string, ...subs: string[]) =>
  msg(key, ...subs)
    .replace('{{selection}}', msg('actionVarSelection'))
    .replace('{{language}}', msg('languageName'));
const SUMMARIZE_PAGE = defaultInstruction('summarizePage', 'en');

export const ACTION_CASES: ActionCase[] = [
  { via: 'menu', id: 'summarize-page', select: false, expect: [], asked: SUMMARIZE_PAGE },
  { via: 'menu', id: 'explain-selection', select: true, expect: ['<selection>', S], asked: asked('actionExplainSelection') },
  { via: 'menu', id: 'translate-selection', select: true, expect: ['<selection>', S], asked: asked('actionTranslateSelection') },
  { via: 'menu', id: 'summarize-selection', select: true, expect: ['<selection>', S], asked: asked('actionSummarizeSelection') },
  // "Ask Kimi about “…”": the selected words are the question.
  { via: 'menu', id: 'ask-selection', select: true, expect: ['<selection>'], asked: S },
  { via: 'command', id: 'summarize-page', select: false, expect: [], asked: SUMMARIZE_PAGE },
  // A shortcut carries no selection: the panel reads it from the page.
  { via: 'command', id: 'ask-selection', select: true, expect: ['<selection>', S], asked: asked('actionExplainSelection') },
];

export const caseName = (c: ActionCase) =>
  `${c.via === 'menu' ? 'menu item' : 'command'} "${c.id}"${c.select ? ' (text selected)' : ''} starts streaming in the bound panel with the right request`;

/** A short Markdown answer, sent in small chunks so the panel visibly streams it. */
export const ACTION_ANSWER = 'A **short** answer, streamed in small pieces so that the panel shows it growing step by step.';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Selects `sentence` in the page (or clears the selection when null); returns the selected text. */
export function selectInPage(page: UiPage, sentence: string | null): Promise<string> {
  return page.evaluate((s: string | null) => {
    const sel = getSelection();
    if (!sel) return '';
    sel.removeAllRanges();
    if (!s) return '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(s);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + s.length);
      sel.addRange(range);
      return sel.toString();
    }
    return '';
  }, sentence);
}

/** The last user message of a chat request: the question, with the selection when there is one. */
function questionOf(body: unknown): string {
  const messages = ((body as { messages?: { role?: string; content?: unknown }[] })?.messages ?? []).filter((m) => m.role === 'user');
  const last = messages.at(-1)?.content;
  return typeof last === 'string' ? last : JSON.stringify(last ?? '');
}

/**
 * Fires one action with `fire` while `panel` (bound to the article tab) is open and idle, then checks that the
 * panel streamed a new answer by itself and that exactly one chat request carried the right question.
 */
export async function checkAction(panel: UiPage, sim: Simulator, c: ActionCase, fire: () => Promise<void>): Promise<void> {
  const index = await answerCount(panel);
  const before = chatRequests(sim.log).length;
  await startSampling(panel, index, msg('panelWaiting'));
  await fire();
  const final = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
  assert.equal(final.status, 'done', `the answer started by ${c.via} "${c.id}" ended as "${final.status}": ${final.text}`);
  // The status flips at once; the text is painted on the next animation frame. textContent, not innerText:
  // Firefox gives no innerText for content-visibility:auto blocks scrolled out of view.
  const want = flat(ACTION_ANSWER.replace(/\*\*/g, ''));
  await waitInPage(
    panel,
    'the finished answer to show the streamed text',
    ([i, w]: [number, string]) => {
      const el = document.querySelectorAll<HTMLElement>('[data-role="answer"]')[i];
      return !!el && (el.textContent ?? '').replace(/\s+/g, ' ').trim() === w;
    },
    [index, want] as [number, string],
    { describe: async () => JSON.stringify(await answerState(panel, index)) + ` visibility: ${await panel.evaluate(() => document.visibilityState, null)}` },
  );
  const steps = growthSteps(await samples(panel));
  assert.ok(steps >= 2, `the answer should grow while streaming (it grew ${steps} time(s))`);
  const requests = chatRequests(sim.log).slice(before);
  assert.equal(requests.length, 1, `one ${c.via} action should send exactly one chat request, not ${requests.length}`);
  const question = flat(questionOf(requests[0].json));
  for (const want of c.expect) {
    assert.ok(question.includes(flat(want)), `the question sent for "${c.id}" should contain "${want.slice(0, 80)}"; it was: ${question.slice(0, 500)}`);
  }
  assert.ok(question.endsWith(flat(c.asked)), `the question sent for "${c.id}" should end with "${c.asked.slice(0, 80)}"; it was: …${question.slice(-300)}`);
  if (!c.select) assert.ok(!question.includes('<selection>'), `"${c.id}" without a selection should send none: ${question.slice(0, 300)}`);
  assert.ok(flat(messagesText(requests[0])).includes(flat(S)), 'the request should carry the page text');
}

/** Menu ids the background must have registered (update fails for an unknown id). */
export const MENU_IDS = ['summarize-page', 'explain-selection', 'translate-selection', 'summarize-selection', 'ask-selection'];
