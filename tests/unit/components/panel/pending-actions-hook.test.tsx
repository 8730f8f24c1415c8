// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { usePendingActions } from '../../../../components/panel/use-pending-actions';
import { addPending } from '../../../../utils/storage/pending-actions';
import { pendingActionsItem, type PendingAction } from '../../../../utils/storage/items';

afterEach(cleanup);

function Harness(props: { tabId: number; run(a: PendingAction): void }) {
  usePendingActions(props.tabId, props.run);
  return null;
}

const told = (action: PendingAction, sender: object = { id: fakeBrowser.runtime.id }) =>
  fakeBrowser.runtime.onMessage.trigger({ name: 'bg→panel:action', data: action }, sender as never);

describe('usePendingActions', () => {
  it("runs an action the worker tells of at once, once, though the stored change comes too; then it is taken off", async () => {
    const run = vi.fn();
    render(<Harness tabId={4} run={run} />);
    const now = Date.now();
    const action: PendingAction = { tabId: 4, kind: 'summarize-page', createdAt: now };
    await told(action);
    expect(run).toHaveBeenCalledTimes(1);
    await addPending(4, 'summarize-page', undefined, now); // the same action, stored by the worker
    await vi.waitFor(async () => expect(await pendingActionsItem.getValue()).toEqual([]));
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith(action);
  });

  it('runs a stored action from the change itself; another tab\'s, a stale one, or a content script\'s word is not run', async () => {
    const run = vi.fn();
    render(<Harness tabId={6} run={run} />);
    await addPending(7, 'summarize-page');
    await told({ tabId: 6, kind: 'summarize-page', createdAt: Date.now() - 120_000 });
    await told({ tabId: 6, kind: 'summarize-page', createdAt: Date.now() }, { id: fakeBrowser.runtime.id, tab: { id: 6 } });
    expect(run).not.toHaveBeenCalled();
    await addPending(6, 'explain-selection', 'words');
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
});
