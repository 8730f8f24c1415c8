// What the multi-tab suites check in the panel and in the requests: the fixture tabs' titles and sentences, the
// system messages a request carries, the chips, and one question's one request.
import assert from 'node:assert/strict';
import type { RecordedRequest, Simulator } from '../../simulator/server';
import { ask, waitForTurn } from './answers';
import { chatRequests } from './log-checks';
import { msg } from './messages';
import { waitInPage, type UiPage } from './ui-driver';

/** The title and a sentence of the fixture tab `tests/e2e/fixtures/tabs/<name>.html`. */
export const title = (name: string) => `The ${name[0].toUpperCase()}${name.slice(1)} Orchard Notes`;
export const sentence = (name: string) => `The ${name} orchard keeps its own ledger of blossoms`;

/** Every system message of a chat request, in order. */
export const systems = (r: RecordedRequest) =>
  ((r.json as { messages?: { role: string; content: unknown }[] } | undefined)?.messages ?? [])
    .filter((m) => m.role === 'system')
    .map((m) => String(m.content));

export const chipNames = (panel: UiPage) =>
  panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('.source-chip .source-title')].map((e) => e.innerText.trim()), null);

/** Waits until `n` chips have the "Remove <title>" button (titles may repeat); on a timeout, says what the panel shows. */
export const waitForChips = (panel: UiPage, title: string, n: number) =>
  waitInPage(
    panel,
    `${n} chip(s) of "${title}"`,
    ([name, count]: [string, number]) => document.querySelectorAll(`.source-chip button[aria-label="${CSS.escape(name)}"]`).length === count,
    [msg('tabsRemove', title), n] as [string, number],
    { describe: () => panel.evaluate(() => document.body.innerText.slice(-3000), null) },
  );

/** Asks `question`, waits for its answer, and returns the one chat request it made. */
export async function askOne(sim: Simulator, panel: UiPage, question: string): Promise<RecordedRequest> {
  const before = chatRequests(sim.log).length;
  await ask(panel, question);
  const end = await waitForTurn(panel, question, ['done', 'error'], 60_000);
  assert.equal(end.status, 'done', end.text);
  const sent = chatRequests(sim.log).slice(before);
  assert.equal(sent.length, 1, 'one request went');
  return sent[0];
}
