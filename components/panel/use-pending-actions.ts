import { useEffect, useRef } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { Message } from '@/utils/messaging/protocol';
import { pendingActionsItem, type PendingAction } from '@/utils/storage/items';
import { freshPending, takePending } from '@/utils/storage/pending-actions';

/**
 * Runs what a context-menu item or shortcut asked for on the bound tab: at
 * once when the panel opens, or when the request arrives while it is open.
 */
export function usePendingActions(tabId: number | undefined, run: (action: PendingAction) => void): void {
  // An action can arrive twice (the worker's word, then the stored change) and is seen again until its
  // removal is written: each runs once, for as long as the panel lives.
  const ran = useRef(new Set<string>());
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    const runOnce = (action: PendingAction) => {
      const key = `${action.tabId}:${action.kind}@${action.createdAt}`;
      if (!live || ran.current.has(key)) return;
      ran.current.add(key);
      latest.current(action);
    };
    const check = async () => {
      const action = await takePending(tabId);
      if (action) runOnce(action);
    };
    void check();
    // Run from the change (or the worker's word) itself, then take it off the list: the question goes without
    // waiting for a storage read and write.
    const runNow = (list: readonly PendingAction[]) => {
      const action = freshPending(list, tabId);
      if (!action) return;
      runOnce(action);
      void takePending(tabId);
    };
    const unwatch = pendingActionsItem.watch((list) => runNow(list ?? []));
    const told = (raw: unknown, sender: Browser.runtime.MessageSender) => {
      const msg = raw as Message<'bg→panel:action'> | undefined;
      // Only Moonlit's worker (a content script's message has a tab).
      if (msg?.name === 'bg→panel:action' && !sender.tab && sender.id === browser.runtime.id && isAction(msg.data)) runNow([msg.data]);
      return undefined;
    };
    browser.runtime.onMessage.addListener(told);
    return () => {
      live = false;
      unwatch();
      browser.runtime.onMessage.removeListener(told);
    };
  }, [tabId]);
}

const isAction = (a: unknown): a is PendingAction => {
  const x = a as PendingAction | null;
  return !!x && typeof x.tabId === 'number' && typeof x.kind === 'string' && typeof x.createdAt === 'number';
};
