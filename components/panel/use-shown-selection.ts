import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { Message } from '@/utils/messaging/protocol';
import { readyPage, type PageState } from './use-page-reading';

const inAskBox = (el: EventTarget | null): boolean => !!(el as Element | null)?.closest?.('.ask-box');

/** The user is in the panel's question box: a selection the page makes now (on blur, say) was not the user's. */
export function askBoxFocused(doc: Document): boolean {
  return doc.hasFocus() && inAskBox(doc.activeElement);
}

/**
 * The selection the panel shows above the question box, which is exactly the one the next question carries
 * (quick-ask.ts; the worker never puts in another, tab-sources.ts). It follows the page: the worker says when
 * the bound tab's selection changed (`bg→panel:selection-changed`) and the panel reads it — except while the
 * user is in the question box, so a page that selects other text when the user clicks into the panel does not
 * get it shown and sent (what the page selected meanwhile is read once the user leaves the box).
 * `drop()`: the × — the shown selection does not go with the next question.
 */
export function useShownSelection(tabId: number | undefined, page: PageState, readPage: () => Promise<unknown>, doc: Document = document) {
  const [dropped, setDropped] = useState<string | undefined>(undefined);
  const droppedRef = useRef(dropped);
  droppedRef.current = dropped;
  // The page reader tells once, then waits to be read again (utils/extract/reuse.ts): a change not read while the
  // user was in the box would leave the panel deaf to every later selection, so it is read when the user leaves.
  const missed = useRef(false);
  useEffect(() => {
    if (tabId === undefined) return;
    const told = (raw: unknown, sender: Browser.runtime.MessageSender) => {
      const msg = raw as Message<'bg→panel:selection-changed'> | undefined;
      // Only Moonlit's worker (a content script's message has a tab).
      if (msg?.name !== 'bg→panel:selection-changed' || sender.tab || sender.id !== browser.runtime.id || msg.data?.tabId !== tabId) return undefined;
      missed.current = askBoxFocused(doc);
      if (!missed.current) void readPage();
      return undefined;
    };
    const left = (e: FocusEvent) => {
      if (!missed.current || !inAskBox(e.target) || inAskBox(e.relatedTarget)) return;
      missed.current = false;
      void readPage();
    };
    browser.runtime.onMessage.addListener(told);
    doc.addEventListener('focusout', left);
    return () => {
      browser.runtime.onMessage.removeListener(told);
      doc.removeEventListener('focusout', left);
    };
  }, [tabId, readPage, doc]);
  const selection = readyPage(page)?.selection.trim() ?? '';
  return {
    /** What the panel shows: '' when there is none, or the user dropped this one. */
    shown: selection && selection !== dropped ? selection : '',
    drop: useCallback(() => setDropped(selection), [selection]),
    /** Whether the question about to go must leave `selection` out; then the next selection shows again. */
    takeDropped: useCallback((s: string) => {
      const out = !!s.trim() && s.trim() === droppedRef.current;
      if (droppedRef.current !== undefined) setDropped(undefined);
      return out;
    }, []),
  };
}
