import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { StoredConversation } from '@/utils/history/schema';
import { conversationForTab, newConversation, rememberTabConversation } from '@/utils/panel/tab-conversation';
import type { useConversations } from './use-conversations';
import { readyPage, type usePageReading } from './use-page-reading';

export type Conversations = ReturnType<typeof useConversations>[0];
export type PageReading = ReturnType<typeof usePageReading>;

/**
 * Which conversation the panel shows for its bound tab: the one it showed before (this panel, then this
 * browser session), brought back when the panel binds to the tab; a new one on "New chat". `busy`: an answer
 * is streaming, and the panel stays on its conversation until it ends.
 */
export function useTabConversation(
  tabId: number | undefined,
  convs: Conversations,
  { pageRef, setPageState, readPage }: PageReading,
  busy: { readonly current: unknown },
) {
  const tabConv = useRef(new Map<number, string>());

  const showFor = useCallback(
    (id: number, c: StoredConversation) => {
      tabConv.current.set(id, c.id);
      convs.show(c);
      void rememberTabConversation(id, c.id).catch(() => undefined);
    },
    [convs],
  );

  // A new bound tab: read its page and bring back its conversation.
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    setPageState({ state: 'idle' });
    void (async () => {
      const read = readyPage(await readPage());
      const url = read?.url;
      const known = tabConv.current.get(tabId);
      const found = (known && convs.get(known)) || (await conversationForTab(tabId, url).catch(() => null));
      // A question asked meanwhile (a menu action claimed as the panel loads) shows its own conversation: keep it.
      const since = tabConv.current.get(tabId);
      const askedMeanwhile = since && since !== known ? convs.get(since) : undefined;
      if (live) showFor(tabId, askedMeanwhile ?? found ?? newConversation(tabId, url, read?.title ?? ''));
    })();
    return () => {
      live = false;
    };
  }, [tabId, readPage, showFor, convs, setPageState]);

  const newChat = useCallback(() => {
    if (tabId === undefined || busy.current) return;
    const read = readyPage(pageRef.current);
    showFor(tabId, newConversation(tabId, read?.url, read?.title));
  }, [tabId, showFor, busy, pageRef]);

  const openConversation = useCallback(
    (c: StoredConversation) => {
      if (tabId !== undefined && !busy.current) showFor(tabId, c);
    },
    [tabId, showFor, busy],
  );

  return { showFor, newChat, openConversation };
}
