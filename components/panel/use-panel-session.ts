import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AskMode, ExtractResult, PageContent } from '@/utils/messaging/types';
import { sendMessage } from '@/utils/messaging/send';
import { openAsk, type AskHandle } from '@/utils/panel/ask-stream';
import {
  addTurn, appendDelta, emptyConversation, historyBefore, updateTurn, type Conversation, type Turn,
} from '@/utils/panel/conversation';

export type PageState =
  | { state: 'idle' }
  | { state: 'reading' }
  | { state: 'ready'; page: PageContent }
  | { state: 'failed'; result: Extract<ExtractResult, { ok: false }> };

/**
 * The panel's live session for one bound tab: the page as read, the
 * conversation, and the one answer that may be streaming.
 */
export function usePanelSession(tabId: number | undefined) {
  const [page, setPage] = useState<PageState>({ state: 'idle' });
  const [conv, setConv] = useState<Conversation>(emptyConversation);
  const convs = useRef(new Map<number, Conversation>());
  const running = useRef<AskHandle | undefined>(undefined);
  const pageRef = useRef<PageState>(page);
  pageRef.current = page;

  const readPage = useCallback(async (): Promise<PageState> => {
    if (tabId === undefined) return { state: 'idle' };
    // Keep showing the page already read while it is read again for a new question.
    if (pageRef.current.state !== 'ready') setPage({ state: 'reading' });
    let next: PageState;
    try {
      const result = await sendMessage('panel→bg:extract', { tabId });
      next = result.ok ? { state: 'ready', page: result.page } : { state: 'failed', result };
    } catch (error) {
      next = { state: 'failed', result: { ok: false, reason: 'injection-failed', detail: String(error) } };
    }
    setPage(next);
    return next;
  }, [tabId]);

  // A new bound tab: keep each tab's conversation, read the new page.
  useEffect(() => {
    if (tabId === undefined) return;
    const restored = convs.current.get(tabId) ?? emptyConversation();
    convRef.current = restored;
    setConv(restored);
    pageRef.current = { state: 'idle' };
    void readPage();
  }, [tabId, readPage]);

  // The ref is the source of truth so stream callbacks never see a stale conversation.
  const convRef = useRef(conv);
  const commit = useCallback(
    (update: (c: Conversation) => Conversation): Conversation => {
      const next = update(convRef.current);
      convRef.current = next;
      if (tabId !== undefined) convs.current.set(tabId, next);
      setConv(next);
      return next;
    },
    [tabId],
  );

  const stream = useCallback(
    (turn: Turn, current: Conversation, pageContent: PageContent | undefined, continueFrom?: string) => {
      running.current = openAsk(
        {
          mode: turn.mode,
          question: turn.question,
          page: pageContent,
          history: historyBefore(current, turn.id),
          continueFrom,
          conversationId: current.id,
        },
        {
          onStart: (model) => commit((c) => updateTurn(c, turn.id, () => ({ model }))),
          onDelta: (content, reasoning) => commit((c) => appendDelta(c, turn.id, content, reasoning)),
          onDone: (finishReason, usage) => {
            running.current = undefined;
            commit((c) => updateTurn(c, turn.id, () => ({ status: 'done', finishReason, usage })));
          },
          onFailure: (failure) => {
            running.current = undefined;
            commit((c) => updateTurn(c, turn.id, () => ({ status: 'error', failure })));
          },
        },
      );
    },
    [commit],
  );

  /** Reads the page afresh (its selection may have changed) and streams the answer. */
  const ask = useCallback(
    async (mode: AskMode, question: string, fallbackSelection?: string): Promise<boolean> => {
      if (running.current) return false;
      const state = await readPage();
      if (state.state !== 'ready') return false;
      const page = state.page.selection || !fallbackSelection ? state.page : { ...state.page, selection: fallbackSelection };
      const [next, turn] = addTurn(convRef.current, mode, question);
      commit(() => next);
      stream(turn, next, page);
      return true;
    },
    [readPage, commit, stream],
  );

  const stop = useCallback(() => {
    const handle = running.current;
    if (!handle) return;
    running.current = undefined;
    handle.stop();
    commit((c) => ({
      ...c,
      turns: c.turns.map((t) => (t.status === 'streaming' ? { ...t, status: 'stopped' } : t)),
    }));
  }, [commit]);

  const continueTurn = useCallback(
    (turn: Turn) => {
      if (running.current) return;
      const pageContent = pageRef.current.state === 'ready' ? pageRef.current.page : undefined;
      const next = commit((c) => updateTurn(c, turn.id, () => ({ status: 'streaming', failure: undefined })));
      stream(turn, next, pageContent, turn.answer);
    },
    [commit, stream],
  );

  const streaming = conv.turns.some((t) => t.status === 'streaming');
  return { page, conv, ask, stop, continueTurn, readPage, streaming };
}
