import { pendingActionsItem, type PendingAction, type PendingImage, type PendingKind } from './items';

/** A request from a menu or shortcut is only worth running shortly after the click. */
export const PENDING_TTL_MS = 60_000;

let queue: Promise<unknown> = Promise.resolve();

/** Serialises read-modify-write updates so two quick clicks never lose one. */
function update(fn: (list: PendingAction[]) => PendingAction[]): Promise<PendingAction[]> {
  const run = queue.then(async () => {
    const next = fn(await pendingActionsItem.getValue());
    await pendingActionsItem.setValue(next);
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

export function addPending(tabId: number, kind: PendingKind, selection?: string, now = Date.now(), image?: PendingImage) {
  return update((list) => [
    ...list.filter((a) => a.tabId !== tabId && now - a.createdAt < PENDING_TTL_MS),
    { tabId, kind, selection: selection || undefined, ...(image ? { image } : {}), createdAt: now },
  ]);
}

/** The fresh pending action for `tabId` in `list`, if there is one. */
export const freshPending = (list: readonly PendingAction[], tabId: number, now = Date.now()): PendingAction | undefined =>
  list.find((a) => a.tabId === tabId && now - a.createdAt < PENDING_TTL_MS);

/** Removes and returns the fresh pending action for `tabId`, if there is one. */
export async function takePending(tabId: number, now = Date.now()): Promise<PendingAction | undefined> {
  let found: PendingAction | undefined;
  await update((list) => {
    found = freshPending(list, tabId, now);
    return list.filter((a) => a.tabId !== tabId && now - a.createdAt < PENDING_TTL_MS);
  });
  return found;
}
