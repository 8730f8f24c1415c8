import { describe, expect, it } from 'vitest';
import { addPending, PENDING_TTL_MS, takePending } from '../../../utils/storage/pending-actions';
import { pendingActionsItem } from '../../../utils/storage/items';

describe('pending actions', () => {
  it('two quick clicks on different tabs both survive (no lost update)', async () => {
    await Promise.all([addPending(1, 'summarize-page'), addPending(2, 'explain-selection', 'words')]);
    expect((await pendingActionsItem.getValue()).map((a) => a.tabId).sort()).toEqual([1, 2]);
  });

  it('a newer request for the same tab replaces the older one', async () => {
    await addPending(1, 'summarize-page');
    await addPending(1, 'ask-selection', 'what is this');
    const taken = await takePending(1);
    expect(taken?.kind).toBe('ask-selection');
    expect(taken?.selection).toBe('what is this');
    expect(await takePending(1)).toBeUndefined();
  });

  it('stale requests are dropped, not run', async () => {
    const now = Date.now();
    await addPending(5, 'summarize-page', undefined, now - PENDING_TTL_MS - 1);
    expect(await takePending(5, now)).toBeUndefined();
    expect(await pendingActionsItem.getValue()).toEqual([]);
  });
});
