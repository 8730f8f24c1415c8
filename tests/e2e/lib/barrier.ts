// "Nothing was sent" without waiting for time to pass: a marker question goes through the same panel, port and
// background after the action under test, and is answered. Anything the action had wrongly started was queued in the
// background before the marker, so once the marker's answer is done it has reached the simulator too.
import type { RecordedRequest, Simulator } from '../../simulator/server';
import { ask, waitForTurn } from './answers';
import { waitFor, type UiPage } from './ui-driver';
import { ARTICLE_TITLE } from './fixture-server';
import type { Moonlit } from './moonlit';

/** Asks `marker` in `panel`; returns "METHOD path" of every request since `logBefore` that does not carry it. */
export async function requestsBesideMarker(sim: Simulator, logBefore: number, panel: UiPage, marker: string): Promise<string[]> {
  await ask(panel, marker);
  const end = await waitForTurn(panel, marker, ['done', 'error', 'stopped']);
  if (end.status !== 'done') throw new Error(`the marker question ended as ${end.status}: ${end.text.slice(0, 200)}`);
  const carries = (r: RecordedRequest) => r.body.includes(marker);
  if (!sim.log.slice(logBefore).some(carries)) throw new Error('the marker question never reached the simulator');
  return sim.log
    .slice(logBefore)
    .filter((r) => !carries(r))
    .map((r) => `${r.method} ${r.path}`);
}

/** A panel on `url` that has asked one question already: what only a first question does is behind it. */
export async function warmPanel(m: Moonlit, url: string): Promise<UiPage> {
  const { panel } = await m.panelFor(url, ARTICLE_TITLE);
  const from = m.sim.log.length;
  await ask(panel.ui, 'A first question, before the check.');
  const end = await waitForTurn(panel.ui, 'A first question, before the check.', ['done', 'error', 'stopped']);
  if (end.status !== 'done') throw new Error(`the first question ended as ${end.status}: ${end.text.slice(0, 200)}`);
  // After a browser's first answer the worker checks the balance (utils/background/balance-watch.ts), after "done":
  // wait for that request too, so that it is not counted as the next step's.
  await waitFor('the balance check after the first answer', () => m.sim.log.slice(from).some((r) => r.path === '/v1/users/me/balance'));
  return panel.ui;
}
