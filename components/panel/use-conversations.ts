import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StoredConversation } from '@/utils/history/schema';
import type { Conversation } from '@/utils/panel/conversation';
import { saveConversation } from '@/utils/history/store';
import { createPersister } from '@/utils/panel/persister';
import { panelSaves } from '@/utils/panel/save-status';

/** Every write of a conversation reports to the panel's save status (a full storage is shown, never swallowed). */
function persisterOf(id: string) {
  const what = `conv:${id}`;
  return createPersister(saveConversation, undefined, {
    onSaved: (c: StoredConversation) => panelSaves.saved(what, !c.turns.some((t) => t.status === 'streaming')),
    onError: (error) => panelSaves.failed(what, error),
  });
}

/**
 * The conversations this panel has open, kept in memory as the source of
 * truth (stream callbacks never see stale state) and saved as they change.
 */
export function useConversations() {
  const live = useRef(new Map<string, StoredConversation>());
  const persisters = useRef(new Map<string, ReturnType<typeof persisterOf>>());
  const shownId = useRef<string | undefined>(undefined);
  const [shownState, setShown] = useState<StoredConversation | undefined>(undefined);

  // Closing the panel: write what is pending (an answer cut off mid-stream included).
  useEffect(() => {
    const flushAll = () => persisters.current.forEach((p) => void p.flush());
    addEventListener('pagehide', flushAll);
    return () => removeEventListener('pagehide', flushAll);
  }, []);

  const api = useMemo(() => {
    const persisterFor = (id: string) => {
      let p = persisters.current.get(id);
      if (!p) persisters.current.set(id, (p = persisterOf(id)));
      return p;
    };
    return {
      get: (id: string) => live.current.get(id),
      shown: () => (shownId.current ? live.current.get(shownId.current) : undefined),
      show(c: StoredConversation) {
        live.current.set(c.id, live.current.get(c.id) ?? c);
        shownId.current = c.id;
        setShown(live.current.get(c.id));
      },
      /** Applies `update`; `urgent` writes at once, otherwise at most every few hundred ms. */
      commit(id: string, update: (c: StoredConversation) => Conversation, urgent: boolean) {
        const current = live.current.get(id);
        if (!current) return;
        const next = { ...current, ...update(current), updatedAt: Date.now() } as StoredConversation;
        live.current.set(id, next);
        if (shownId.current === id) setShown(next);
        if (next.turns.length > 0) persisterFor(id).schedule(next, urgent);
        // Its only question was taken back before it was written (the tab had moved on): write nothing.
        else persisters.current.get(id)?.cancel();
      },
      /** Applies `update` and shows it, but writes nothing yet (a question the worker has not taken up). */
      stage(id: string, update: (c: StoredConversation) => Conversation) {
        const current = live.current.get(id);
        if (!current) return;
        const next = { ...current, ...update(current), updatedAt: Date.now() } as StoredConversation;
        live.current.set(id, next);
        if (shownId.current === id) setShown(next);
      },
      /** Writes what is pending for `id` now. */
      save(id: string) {
        void persisters.current.get(id)?.flush();
      },
      /** Writes again every conversation whose last write failed (space was freed). */
      retryFailed() {
        persisters.current.forEach((p) => void p.retry());
      },
    };
  }, []);
  // The api object stays the same across renders, so callbacks that use it stay stable too.
  return [api, shownState] as const;
}
