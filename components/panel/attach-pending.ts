import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AttachItem } from '@/utils/panel/document-attach';
import { documentWaits, pendingVerdict, type PendingPage } from '@/utils/panel/document-pending';

interface Pending {
  question: string;
  failedBefore: Set<string>;
  resolve(sent: boolean): void;
}

/**
 * A question sent while a PDF waits for its password or for consent, or while
 * attached files are still read or wait for consent, is kept and goes on by
 * itself once they are ready. The ask box keeps its text until then (the
 * promise it awaits settles only when the question really went, or was given back).
 */
export function usePendingQuestion(
  page: PendingPage,
  items: readonly AttachItem[],
  imagesOk: boolean,
  /** Sends now (shows why when it can't); true when the question went. */
  send: (question: string) => Promise<boolean>,
) {
  const pending = useRef<Pending | undefined>(undefined);
  const [waiting, setWaiting] = useState(false);
  const live = useRef({ page, items, imagesOk, send });
  live.current = { page, items, imagesOk, send };

  const settle = useCallback((sent: boolean) => {
    const p = pending.current;
    pending.current = undefined;
    setWaiting(false);
    p?.resolve(sent);
  }, []);

  const onSend = useCallback(
    async (question: string): Promise<boolean> => {
      settle(false); // a newer question replaces one still waiting
      const now = live.current;
      // Only a document or files that wait for the user (or are being read) hold a question; anything else is tried at once.
      const failedBefore = new Set(now.items.filter((i) => i.status === 'failed').map((i) => i.id));
      // A page still being read (a PDF tab read again) waits too: it may turn out to need a password or consent.
      const waitsForUser =
        documentWaits(now.page) || now.page.state === 'reading' || pendingVerdict({ state: 'ready' }, now.items, now.imagesOk, failedBefore) === 'wait';
      if (!waitsForUser) return now.send(question);
      if (!documentWaits(now.page) && now.page.state !== 'reading') void now.send(question); // shows the attach bar's hint; returns false while blocked
      setWaiting(true);
      return new Promise<boolean>((resolve) => (pending.current = { question, failedBefore, resolve }));
    },
    [settle],
  );

  useEffect(() => {
    const p = pending.current;
    if (!p) return;
    const verdict = pendingVerdict(page, items, imagesOk, p.failedBefore);
    if (verdict === 'wait') return;
    pending.current = undefined;
    setWaiting(false);
    if (verdict === 'give-back') return p.resolve(false);
    void live.current.send(p.question).then(p.resolve, () => p.resolve(false));
  }, [page, items, imagesOk]);

  // The panel goes away or moves to another tab: give the question back to the box.
  useEffect(() => () => settle(false), [settle]);

  return { onSend, waiting };
}
