// The multi-tab suite's step on checks the worker holds for added tabs: a tab unchanged since it was added is not
// called into again before a question; one whose page changed is read again, and goes as it is now.
import assert from 'node:assert/strict';
import { msg } from './messages';
import type { Moonlit } from './moonlit';
import { backgroundCounts } from './reader-calls';
import { appendParagraph, createTab, windowOf } from './tabs-flow';
import { askOne, chipNames, systems } from './tabs-checks';
import { waitFor, waitInPage } from './ui-driver';

const LEDGER = (side: string) => `The ${side[0].toUpperCase()}${side.slice(1)} Harbour Ledger`;
const LATE = 'Late entry: the south pier lantern was relit on the first calm night of April.';

/** A system message that carries `text` inside its tab's own wrapper. */
function inWrapper(content: string, text: string): boolean {
  const open = content.indexOf('<page_content>');
  const at = content.indexOf(text);
  return open >= 0 && at > open && content.indexOf('</page_content>', at) > at;
}

export async function heldChecksFlow(m: Moonlit, boundUrl: string, boundTitle: string): Promise<void> {
  const { panel: opened, tabId: bound } = await m.panelFor(boundUrl, boundTitle);
  const panel = opened.ui;
  const win = await windowOf(m.helper, bound);
  const north = await createTab(m.helper, win, m.site.url('tabs/harbour-north.html'));
  const south = await createTab(m.helper, win, m.site.url('tabs/harbour-south.html'));
  await panel.click(msg('tabsAdd'));
  await waitInPage(
    panel,
    'both ledgers picked in the list',
    (names: string[]) => {
      const boxes = [...document.querySelectorAll<HTMLInputElement>('.tab-picker input[type=checkbox]')].filter((c) =>
        names.includes(c.getAttribute('aria-label') ?? ''),
      );
      for (const b of boxes) if (!b.checked) b.click();
      return boxes.length === names.length && boxes.every((b) => b.checked);
    },
    [LEDGER('north'), LEDGER('south')],
  );
  await panel.click(msg('tabsAddPicked'));
  await waitFor('the two ledger chips', async () => (await chipNames(panel)).filter((n) => n.includes('Harbour Ledger')).length === 2);
  // Counted from now: the reads "Add" made are done (their chips are shown).
  const counts = await backgroundCounts(m);

  m.sim.script({ content: 'Both ledgers note the January spring tides.' });
  const first = systems(await askOne(m.sim, panel, 'What do the two ledgers say about January?'));
  for (const side of ['north', 'south']) assert.equal(first.filter((c) => inWrapper(c, `The ${side} harbour ledger records`)).length, 1, `${side} went`);
  assert.deepEqual([await counts.calls(north), await counts.calls(south)], [0, 0], 'tabs unchanged since they were added are not called into again');
  // Sent as references: the worker resolves them, the panel asks for no tab before the question.
  assert.deepEqual([await counts.extracts(north), await counts.extracts(south)], [0, 0], 'the panel made no per-tab extract');

  await appendParagraph(m.helper, south, LATE);
  // The worker has heard the south page reader's message (the count comes after Moonlit's own listener ran).
  await waitFor('the south page reader to report its change', async () => (await counts.changes(south)) >= 1 || undefined);
  m.sim.script({ content: 'The south ledger has a late entry.' });
  const second = systems(await askOne(m.sim, panel, 'What changed in the ledgers?'));
  assert.equal(second.filter((c) => inWrapper(c, LATE)).length, 1, 'the changed tab goes as it is now');
  assert.equal(second.filter((c) => inWrapper(c, 'The north harbour ledger records')).length, 1, 'the unchanged one goes from the kept text');
  assert.ok((await counts.calls(south)) >= 1, 'the changed tab was read again');
  assert.equal(await counts.calls(north), 0, 'the unchanged one still was not');
  assert.deepEqual([await counts.extracts(north), await counts.extracts(south)], [0, 0], 'still no per-tab extract from the panel');
  await waitInPage(panel, 'the changed chip', () => document.querySelector('.source-chip[data-status="changed"]') !== null, null);
  await opened.close();
}
