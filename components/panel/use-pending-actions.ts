import { useEffect } from 'preact/hooks';
import { pendingActionsItem, type PendingAction } from '@/utils/storage/items';
import { takePending } from '@/utils/storage/pending-actions';

/**
 * Runs what a context-menu item or shortcut asked for on the bound tab: at
 * once when the panel opens, or when the request arrives while it is open.
 */
export function usePendingActions(tabId: number | undefined, run: (action: PendingAction) => void): void {
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    const check = async () => {
      const action = await takePending(tabId);
      if (action && live) run(action);
    };
    void check();
    const unwatch = pendingActionsItem.watch((list) => {
      if (list.some((a) => a.tabId === tabId)) void check();
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [tabId, run]);
}
