import { useEffect, useRef } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { Message } from '@/utils/messaging/protocol';
import { sendMessage } from '@/utils/messaging/send';
import { pendingActionsItem, type PendingAction } from '@/utils/storage/items';
import { freshPending } from '@/utils/storage/pending-actions';

/**
 * Runs what a context-menu item or shortcut asked for on the bound tab: at
 * once when the panel opens, or when the request arrives while it is open.
 * Several panels can be bound to one tab (the side panel and a popped-out
 * one): each asks the worker for the action, and the worker hands it to one.
 */
export function usePendingActions(tabId: number | undefined, run: (action: PendingAction) => void): void {
  // The worker hands an action out once; a panel also remembers what it ran, for as long as it lives.
  const ran = useRef(new Set<string>());
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    const claim = async () => {
      const action = await sendMessage('panel→bg:claim-action', { tabId }).catch(() => null);
      if (!live || !isAction(action) || action.tabId !== tabId) return;
      const key = `${action.tabId}:${action.kind}@${action.createdAt}`;
      if (ran.current.has(key)) return;
      ran.current.add(key);
      latest.current(action);
    };
    void claim();
    // The stored change or the worker's word only says there is something to claim.
    const unwatch = pendingActionsItem.watch((list) => {
      if (freshPending(list ?? [], tabId)) void claim();
    });
    const told = (raw: unknown, sender: Browser.runtime.MessageSender) => {
      const msg = raw as Message<'bg→panel:action'> | undefined;
      // Only Moonlit's worker (a content script's message has a tab).
      if (msg?.name === 'bg→panel:action' && !sender.tab && sender.id === browser.runtime.id && isAction(msg.data) && msg.data.tabId === tabId) void claim();
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

const FAILURES: readonly unknown[] = ['refused', 'not-found', 'off-screen', 'other-frame'];

const isImage = (i: unknown): boolean => {
  const x = i as Record<string, unknown> | null;
  if (!x) return false;
  if ('failure' in x) return FAILURES.includes(x.failure) && (x.detail === undefined || typeof x.detail === 'string');
  return typeof x.transferId === 'string' && typeof x.partial === 'boolean';
};

const isAction = (a: unknown): a is PendingAction => {
  const x = a as PendingAction | null;
  return !!x && typeof x.tabId === 'number' && typeof x.kind === 'string' && typeof x.createdAt === 'number' && (x.image === undefined || isImage(x.image));
};
