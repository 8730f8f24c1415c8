// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { usePendingActions } from '../../../../components/panel/use-pending-actions';
import { handleMessage } from '../../../../utils/background/messages';
import { addPending } from '../../../../utils/storage/pending-actions';
import { pendingActionsItem, type PendingAction } from '../../../../utils/storage/items';

afterEach(cleanup);

const own = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
let claims: unknown[];

// The panels' messages go to the worker's real handler, as from Moonlit's own page.
beforeEach(() => {
  claims = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { name: string }) => {
    if (message.name === 'panel→bg:claim-action') claims.push(message);
    return handleMessage(message, own);
  }) as never);
});

function Harness(props: { tabId: number; run(a: PendingAction): void }) {
  usePendingActions(props.tabId, props.run);
  return null;
}

const told = (action: PendingAction, sender: object = { id: fakeBrowser.runtime.id }) =>
  fakeBrowser.runtime.onMessage.trigger({ name: 'bg→panel:action', data: action }, sender as never);

/** What the worker does for a menu click (menus.ts leaveAction): store the action, then tell open panels. */
async function menuClick(tabId: number, kind: PendingAction['kind'], selection?: string): Promise<PendingAction> {
  const now = Date.now();
  const stored = addPending(tabId, kind, selection, now);
  const action: PendingAction = { tabId, kind, selection, createdAt: now };
  await Promise.all([stored, told(action)]);
  return action;
}

describe('usePendingActions', () => {
  it('runs an action the worker tells of once, though the stored change comes too; then it is taken off', async () => {
    const run = vi.fn();
    render(<Harness tabId={4} run={run} />);
    await vi.waitFor(() => expect(claims).toHaveLength(1)); // the claim on opening: nothing yet
    const action = await menuClick(4, 'summarize-page');
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(run).toHaveBeenCalledWith({ ...action, selection: undefined });
    await vi.waitFor(async () => expect(await pendingActionsItem.getValue()).toEqual([]));
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("another tab's action, a stale one, or a content script's word is not run", async () => {
    const run = vi.fn();
    render(<Harness tabId={6} run={run} />);
    await addPending(7, 'summarize-page');
    await addPending(6, 'summarize-page', undefined, Date.now() - 120_000);
    await told({ tabId: 6, kind: 'summarize-page', createdAt: Date.now() - 120_000 });
    await told({ tabId: 6, kind: 'summarize-page', createdAt: Date.now() }, { id: fakeBrowser.runtime.id, tab: { id: 6 } });
    await menuClick(6, 'explain-selection', 'words');
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    expect(run.mock.calls[0][0]).toMatchObject({ tabId: 6, kind: 'explain-selection', selection: 'words' });
    await vi.waitFor(async () => expect((await pendingActionsItem.getValue()).map((a) => a.tabId)).toEqual([7]));
  });

  it('an action left before the panel opened runs when it opens', async () => {
    await addPending(8, 'summarize-page');
    const run = vi.fn();
    render(<Harness tabId={8} run={run} />);
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
  });

  it('two panels bound to one tab: the action runs once, in one panel', async () => {
    const [a, b] = [vi.fn(), vi.fn()];
    render(<Harness tabId={3} run={a} />);
    render(<Harness tabId={3} run={b} />);
    await vi.waitFor(() => expect(claims).toHaveLength(2));
    for (let i = 0; i < 5; i++) {
      await menuClick(3, i % 2 ? 'summarize-page' : 'explain-selection', `words ${i}`);
      await vi.waitFor(() => expect(a.mock.calls.length + b.mock.calls.length).toBe(i + 1));
      // Both panels asked (the stored change and the worker's word reach each); one was given it.
      await vi.waitFor(async () => expect(await pendingActionsItem.getValue()).toEqual([]));
    }
    expect(a.mock.calls.length + b.mock.calls.length).toBe(5);
    expect(claims.length).toBeGreaterThanOrEqual(2 + 5 * 2);
  });

  it('two panels opening on a stored action: one runs it', async () => {
    await addPending(9, 'summarize-page');
    const [a, b] = [vi.fn(), vi.fn()];
    render(<Harness tabId={9} run={a} />);
    render(<Harness tabId={9} run={b} />);
    await vi.waitFor(() => expect(claims).toHaveLength(2));
    await vi.waitFor(async () => expect(await pendingActionsItem.getValue()).toEqual([]));
    await vi.waitFor(() => expect(a.mock.calls.length + b.mock.calls.length).toBe(1));
    // Every claim has been answered: nothing more can come.
    await Promise.all((vi.mocked(fakeBrowser.runtime.sendMessage).mock.results as { value: Promise<unknown> }[]).map((r) => r.value));
    expect(a.mock.calls.length + b.mock.calls.length).toBe(1);
  });
});

describe("the 'panel→bg:claim-action' message", () => {
  it('hands the action to the first asker and null to the next; answers no malformed request', async () => {
    await addPending(2, 'summarize-page');
    const [first, second] = await Promise.all([
      handleMessage({ name: 'panel→bg:claim-action', data: { tabId: 2 } }, own),
      handleMessage({ name: 'panel→bg:claim-action', data: { tabId: 2 } }, own),
    ]);
    expect(first).toMatchObject({ tabId: 2, kind: 'summarize-page' });
    expect(second).toBeNull();
    for (const data of [{}, { tabId: '2' }, { tabId: -1 }, { tabId: 1.5 }, null])
      expect(handleMessage({ name: 'panel→bg:claim-action', data }, own)).toBeUndefined();
    expect(
      handleMessage(
        { name: 'panel→bg:claim-action', data: { tabId: 2 } },
        { id: fakeBrowser.runtime.id, url: 'https://example.com/', tab: { id: 2 } as never },
      ),
    ).toBeUndefined();
  });
});
