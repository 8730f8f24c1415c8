// Storage filling up, end to end: in Chromium storage.local is filled to its real 10 MB quota, so the panel's next
// save really fails; in Firefox ESR (which has no quota for storage.local) it is filled past Moonlit's own budget.
// Each time: the panel says so and keeps the conversation, Options shows the usage, deleting the oldest frees space,
// and the next save works. docs/storage.md explains the budget.
// Run: npx tsx --test --test-reporter=spec tests/e2e/storage.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ask, answerState, waitForAnswerStatus } from './lib/answers';
import { ARTICLE_TITLE } from './lib/fixture-server';
import { msg } from './lib/messages';
import { useMoonlit, type Moonlit } from './lib/moonlit';
import { fillStorage, FILLER_PREFIX, focusTab, panelConversations, storedConversations, textOf } from './lib/storage-flow';
import { waitFor, waitInPage, type UiPage } from './lib/ui-driver';

const BUDGET = 8 * 1024 * 1024;
const MB = 1_000_000;

const bodyHas = (page: UiPage, what: string, text: string) =>
  waitInPage(page, what, (t: string) => document.body.innerText.includes(t), text, {
    describe: () => page.evaluate(() => document.body.innerText.slice(0, 600), null),
  });

/** Options → Storage: checks the usage shown, deletes the suggested number of oldest conversations, returns that number. */
async function deleteOldestInOptions(options: UiPage, fillers: number, stored: number): Promise<number> {
  // Options measures again on every storage change: wait for the measurement that includes the panel's last write.
  await waitInPage(
    options,
    `Options to count ${stored} stored conversations`,
    (want: string) => document.querySelector<HTMLElement>('[data-part="conversations"]')?.innerText.startsWith(want) ?? false,
    `Conversations (${stored})`,
  );
  const total = await options.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-part="total"]')!;
    return { bytes: Number(el.dataset.bytes), budget: Number(el.dataset.budget), text: el.innerText };
  }, null);
  assert.equal(total.budget, BUDGET, 'Options should show the budget');
  assert.ok(total.bytes >= BUDGET, `Options should show the storage over budget: ${JSON.stringify(total)}`);
  assert.match(total.text, /In use: [\d.,]+ MB of 8 MB \(\d+ %\)/);
  const n = await options.evaluate(() => Number(document.querySelector<HTMLInputElement>('.storage-delete input[type="number"]')!.value), null);
  assert.ok(n >= 1 && n < fillers, `Options should suggest deleting some of the conversations, not ${n}`);
  const preview = await textOf(options, '[data-role="delete-preview"]');
  assert.ok(preview.startsWith(`Deletes ${n} conversation(s)`) && preview.includes('Filler 0'), `the preview should say what goes: "${preview}"`);
  await focusTab(options);
  await options.click(msg('storageDeleteButton'));
  // Nothing is deleted before the second, explicit confirmation.
  assert.ok(FILLER_PREFIX + '0' in (await storedConversations(options)), 'nothing may be deleted before confirming');
  await options.click(msg('storageDeleteYes'));
  await bodyHas(options, 'the "deleted" status in Options', `Deleted ${n} conversation(s);`);
  const left = await storedConversations(options);
  for (let i = 0; i < fillers; i++) {
    assert.equal(`${FILLER_PREFIX}${i}` in left, i >= n, `filler ${i} should ${i < n ? 'be deleted (oldest first)' : 'stay'}`);
  }
  return n;
}

/** Asks a second question and checks the panel's conversation is saved with both turns. */
async function nextSaveWorks(panel: UiPage, helper: UiPage): Promise<void> {
  await focusTab(panel);
  await ask(panel, 'And what else does it say?');
  const second = await waitForAnswerStatus(panel, 1, ['done', 'error', 'stopped'], 30_000);
  assert.equal(second.status, 'done', second.text);
  await savedWithTurns(helper, 2);
}

/** Waits until the panel's one conversation is stored with `turns` turns. */
async function savedWithTurns(helper: UiPage, turns: number): Promise<void> {
  await waitFor(`the panel's conversation stored with ${turns} turn(s)`, async () => {
    const mine = Object.values(await panelConversations(helper));
    return mine.length === 1 && mine[0] === turns ? true : null;
  });
}

/** A panel on an article, and the fixture's options page to fill storage from and delete in. */
async function setUp(m: Moonlit) {
  const { panel } = await m.panelFor(m.site.url(`article.html?storage=${m.kind}`), ARTICLE_TITLE);
  return { panel: panel.ui, helper: m.helper };
}

describe('Storage filling up in Chromium (the real 10 MB quota)', () => {
  const m = useMoonlit('chromium');

  it('at the quota: the panel says the conversation could not be saved and keeps it; Options deletes the oldest; it is saved', async () => {
    const { panel, helper } = await setUp(m());
    const fill = await fillStorage(helper, [MB, 100_000, 10_000, 1_000, 100], null);
    assert.equal(fill.quota, 10 * 1024 * 1024, "Chromium's storage.local quota (no unlimitedStorage)");
    assert.match(fill.lastError, /quota/i, 'filling should end at the quota');
    assert.ok(fill.used > fill.quota! - 2_000, `storage.local should be full: ${fill.used} of ${fill.quota} bytes`);

    await focusTab(panel);
    await ask(panel, 'What is this page about?');
    const first = await waitForAnswerStatus(panel, 0, ['done', 'error', 'stopped'], 30_000);
    assert.equal(first.status, 'done', first.text);
    await waitInPage(panel, 'the "could not be saved" alert', () => !!document.querySelector('[role="alert"][data-storage="failed"]'), null);
    const alert = await textOf(panel, '[data-storage="failed"]');
    assert.ok(alert.includes(msg('storageSaveFailedFull')), `the alert should say storage is full: "${alert}"`);
    assert.equal(await panel.count('button', msg('storageOpenOptions')), 1, 'the alert offers the way to Options');
    assert.deepEqual(await panelConversations(helper), {}, 'the save really failed (nothing of the panel is stored)');
    assert.equal((await answerState(panel, 0)).text, first.text, 'the conversation stays on screen');

    const deleted = await deleteOldestInOptions(helper, fill.count, fill.count);
    assert.ok(deleted >= 2, `deleting below the near-full line takes a few 1 MB conversations, not ${deleted}`);
    // The freed space writes the failed conversation again at once, and the alert goes.
    await waitInPage(panel, 'the alert to go once space is freed', () => !document.querySelector('[data-storage="failed"]'), null);
    await savedWithTurns(helper, 1);
    await nextSaveWorks(panel, helper);
  });
});

describe("Storage filling up in Firefox ESR (no quota for storage.local: Moonlit's own budget)", () => {
  const m = useMoonlit('firefox');

  it('over the budget: the panel warns and still saves; Options deletes the oldest; the warning goes; the next save works', async () => {
    const { panel, helper } = await setUp(m());
    const fill = await fillStorage(helper, [MB], BUDGET + 500_000);
    assert.equal(fill.lastError, '', 'Firefox should take every write (it has no quota for storage.local)');
    assert.ok(fill.used >= BUDGET, `filled past the budget: ${fill.used} bytes`);

    await focusTab(panel);
    await ask(panel, 'What is this page about?');
    const first = await waitForAnswerStatus(panel, 0, ['done', 'error', 'stopped'], 30_000);
    assert.equal(first.status, 'done', first.text);
    await waitInPage(panel, 'the "budget used up" notice', () => !!document.querySelector('[role="status"][data-storage="over"]'), null);
    assert.equal(await panel.count('button', msg('storageOpenOptions')), 1, 'the notice offers the way to Options');
    assert.equal(Object.keys(await panelConversations(helper)).length, 1, 'Firefox still saves: the budget is a warning, not a wall');

    await deleteOldestInOptions(helper, fill.count, fill.count + 1);
    await waitInPage(panel, 'the notice to go once under the budget', () => !document.querySelector('[data-storage]'), null);
    await nextSaveWorks(panel, helper);
  });
});
