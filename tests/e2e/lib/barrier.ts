// "Nothing was sent" without waiting for time to pass: a marker question goes through the same panel, port and
// background after the action under test, and is answered. Anything the action had wrongly started was queued in the
// background before the marker, so once the marker's answer is done it has reached the simulator too.
import type { RecordedRequest, Simulator } from '../../simulator/server';
import { ask, waitForTurn } from './answers';
import type { UiPage } from './ui-driver';

/** Asks `marker` in `panel`; returns "METHOD path" of every request since `logBefore` that does not carry it. */
export async function requestsBesideMarker(sim: Simulator, logBefore: number, panel: UiPage, marker: string): Promise<string[]> {
  await ask(panel, marker);
  const end = await waitForTurn(panel, marker, ['done', 'error', 'stopped']);
  if (end.status !== 'done') throw new Error(`the marker question ended as ${end.status}: ${end.text.slice(0, 200)}`);
  const carries = (r: RecordedRequest) => r.body.includes(marker);
  if (!sim.log.slice(logBefore).some(carries)) throw new Error('the marker question never reached the simulator');
  return sim.log.slice(logBefore).filter((r) => !carries(r)).map((r) => `${r.method} ${r.path}`);
}
