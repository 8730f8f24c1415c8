import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AskMode, AskRequest, ExtractResult, PageContent } from '@/utils/messaging/types';
import { readPdfTab, type DocState, type PdfReadOptions } from '@/utils/panel/document-read';
import { panelPdfDeps } from '@/utils/panel/document-deps';
import { sendMessage } from '@/utils/messaging/send';
import { openAsk, reservePort, type AskHandle } from '@/utils/panel/ask-stream';
import { openInParts } from '@/utils/panel/map-reduce';
import { watchTabNavigation } from '@/utils/background/navigation';
import { addTurn, appendDelta, historyBefore, updateTurn, type Turn } from '@/utils/panel/conversation';
import type { StoredConversation } from '@/utils/history/schema';
import { conversationForTab, newConversation, rememberTabConversation } from '@/utils/panel/tab-conversation';
import { useConversations } from './use-conversations';
import { settingsItem } from '@/utils/storage/items';
import { fits, fitsWith, useHeldLimits } from './use-held-limits';
import { askParts, recordTurnFiles, type AskExtrasWithFiles } from '@/utils/panel/document-history';
import { samePage } from '@/utils/panel/same-page';
import { splitPassages } from '@/utils/citations/passages';
import { forgetPassages, rememberPassages, settleSources } from '@/utils/panel/turn-sources';
import { dropTurn, pageAfterCheck, pageForQuestion, quickPage } from '@/utils/panel/quick-ask';

export type PageState =
  | { state: 'idle' }
  | { state: 'reading' }
  | { state: 'ready'; page: PageContent }
  | { state: 'failed'; result: Extract<ExtractResult, { ok: false }> }
  /** A PDF tab that needs a password, consent to text recognition, or could not be read. */
  | { state: 'document'; doc: DocState };

/**
 * Files and images attached to the questions (components/panel/attach-bar.tsx); they stay until removed.
 * `files`/`keep`: what the turn records and which texts are kept with the conversation (document-history.ts).
 */
export type AskExtras = Pick<AskRequest, 'attachments' | 'images'> & Pick<AskExtrasWithFiles, 'files' | 'keep'>;

/**
 * The panel's session for the bound tab: the page as read, its conversation
 * (saved as it changes), and the one answer that may be streaming — which
 * keeps landing in its own conversation even if the panel moves to another tab.
 */
export function usePanelSession(tabId: number | undefined) {
  const [page, setPage] = useState<PageState>({ state: 'idle' });
  const pageRef = useRef<PageState>(page);
  const [convs, conv] = useConversations();
  const tabConv = useRef(new Map<number, string>());
  const running = useRef<{ handle: AskHandle; convId: string; turnId: string } | undefined>(undefined);
  const [, setTick] = useState(0);

  const setPageState = (next: PageState) => {
    pageRef.current = next;
    setPage(next);
  };

  // Read once and followed, so asking costs no extra storage read.
  const citeOn = useRef(true);
  useEffect(() => {
    void settingsItem.getValue().then((s) => (citeOn.current = s.citations !== false));
    return settingsItem.watch((s) => (citeOn.current = s?.citations !== false));
  }, []);
  const limits = useHeldLimits();
  /** A settled turn keeps the passages it cited, so its links still work after the panel reopens. */
  const settle = (t: Turn) => ({ sources: settleSources(t) });

  const extras = useRef<AskExtras>({});
  const readSeq = useRef(0);
  const setAskExtras = useCallback((next: AskExtras) => void (extras.current = next), []);
  const readPage = useCallback(async (opts: PdfReadOptions = {}): Promise<PageState> => {
    if (tabId === undefined) return { state: 'idle' };
    // Reads can overlap (a late "load complete" of a PDF tab, a question): only the newest may set the state,
    // or a read begun before the user gave the password would bring the password prompt back.
    const mine = ++readSeq.current;
    // Keep showing the page already read while it is read again for a new question.
    if (pageRef.current.state !== 'ready') setPageState({ state: 'reading' });
    let next: PageState;
    try {
      const held = pageRef.current.state === 'ready' ? pageRef.current.page : undefined;
      let result = await sendMessage('panel→bg:extract', { tabId, ...(held?.reading ? { known: held.reading } : {}) });
      // Not the reading we hold after all (cannot happen unless two panels race): read it whole.
      if (result.ok === 'same' && held?.reading !== result.same) result = await sendMessage('panel→bg:extract', { tabId });
      if (result.ok === 'same') {
        // The page is the one we hold (its text did not travel again): only the selection may be new.
        next = { state: 'ready', page: pageAfterCheck(held!, { same: true, selection: result.selection, selectionContext: result.selectionContext }) };
      } else if (result.ok === 'pdf') {
        const read = await readPdfTab(result.url, opts, panelPdfDeps);
        next = read.ok ? { state: 'ready', page: read.page } : { state: 'document', doc: read.doc };
      } else next = result.ok ? { state: 'ready', page: result.page } : { state: 'failed', result };
      // The same page as before (the usual case before a question): keep that object, so nothing re-renders.
      const before = pageRef.current;
      if (next.state === 'ready' && before.state === 'ready' && samePage(before.page, next.page)) next = before;
    } catch (error) {
      next = { state: 'failed', result: { ok: false, reason: 'injection-failed', detail: String(error) } };
    }
    if (mine === readSeq.current) setPageState(next);
    return next;
  }, [tabId]);

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
      const state = await readPage();
      const url = state.state === 'ready' ? state.page.url : undefined;
      const known = tabConv.current.get(tabId);
      const found = (known && convs.get(known)) || (await conversationForTab(tabId, url).catch(() => null));
      const title = state.state === 'ready' ? state.page.title : '';
      if (live) showFor(tabId, found ?? newConversation(tabId, url, title));
    })();
    return () => {
      live = false;
    };
  }, [tabId, readPage, showFor, convs]);

  const stream = useCallback(
    (convId: string, turn: Turn, pageContent: PageContent | undefined, continueFrom?: string, open = openAsk) => {
      const current = convs.get(convId)!;
      const cite = citeOn.current && !!pageContent?.text.trim();
      const handle = open(
        {
          mode: turn.mode,
          question: turn.question,
          page: pageContent,
          history: historyBefore(current, turn.id),
          continueFrom,
          conversationId: convId,
          ...askParts(extras.current),
          ...(cite ? { citations: { first: 1 } } : {}),
        },
        {
          onStart: (model) => convs.commit(convId, (c) => updateTurn(c, turn.id, () => ({ model })), true),
          onDelta: (content, reasoning) => convs.commit(convId, (c) => appendDelta(c, turn.id, content, reasoning), false),
          onDone: (finishReason, usage, tools) => {
            running.current = undefined;
            convs.commit(convId, (c) => updateTurn(c, turn.id, (t) => ({ status: 'done', finishReason, usage, tools, ...settle(t) })), true);
          },
          onFailure: (failure) => {
            running.current = undefined;
            convs.commit(convId, (c) => updateTurn(c, turn.id, (t) => ({ status: 'error', failure, ...settle(t) })), true);
          },
        },
      );
      running.current = { handle, convId, turnId: turn.id };
      // Cut only when the answer first needs a link: the panel needs the numbers only for that.
      if (cite) rememberPassages(turn.id, () => splitPassages(pageContent!.text));
      setTick((n) => n + 1);
    },
    [convs],
  );

  /**
   * Streams the answer to a question about the page as it is now. A page the panel holds goes at once and the
   * worker checks it against the tab (quick-ask.ts); otherwise the page is read first. `reread`: the worker
   * found the tab showing another page, so read it.
   */
  const ask = useCallback(
    async (mode: AskMode, question: string, fallbackSelection?: string, replaceFrom?: string, inParts = false, reread = false): Promise<boolean> => {
      if (running.current || tabId === undefined) return false;
      const held = pageRef.current.state === 'ready' ? pageRef.current.page : undefined;
      const quick = !inParts && !reread && held ? quickPage(held, tabId, mode, fallbackSelection) : undefined;
      // Otherwise the page is asked for first; while it is read, the worker reads its settings (on the reserved port) and the panel its limits.
      const reading = quick ? undefined : readPage();
      const reserved = inParts ? undefined : reservePort();
      const knownLimits = limits.held();
      const limitsRead = inParts || (quick && knownLimits) ? undefined : limits.now();
      limitsRead?.catch(() => undefined); // fits() reports it
      const giveUp = () => {
        reserved?.release();
        return false;
      };
      let pageContent: PageContent;
      if (quick) pageContent = quick.page;
      else {
        const state = await reading!;
        if (state.state !== 'ready') return giveUp();
        pageContent = pageForQuestion(state.page, mode, fallbackSelection);
      }
      // Never send what can't fit: the coverage notice already says why and offers a way out. With the page and
      // limits held this is decided at once: no await before the question is posted (a render would come first).
      const fitting = inParts || (quick && knownLimits ? fitsWith(pageContent, knownLimits) : await fits(pageContent, limitsRead));
      if (!fitting) return giveUp();
      let conv = convs.shown();
      // The tab moved to another page: that page gets its own conversation.
      if (!conv || (conv.turns.length > 0 && conv.url && conv.url !== pageContent.url)) {
        conv = newConversation(tabId, pageContent.url, pageContent.title);
        showFor(tabId, conv);
      }
      const base = replaceFrom ? { ...conv, turns: conv.turns.slice(0, conv.turns.findIndex((t) => t.id === replaceFrom)) } : conv;
      const [next, turn] = recordTurnFiles(conv.id, addTurn(base, mode, question), extras.current);
      const convId = conv.id;
      // Written only once the question is posted (below): the storage write is not in the way of the first token.
      convs.commit(convId, () => ({ ...next, url: conv!.url || pageContent.url, title: conv!.title || pageContent.title }), false);
      if (!quick) {
        stream(convId, turn, pageContent, undefined, inParts ? openInParts : (r, h) => openAsk(r, h, reserved?.connect));
        convs.save(convId);
        return true;
      }
      // Sent once the worker has seen the page in the tab; a tab showing another page is read and asked again.
      return new Promise<boolean>((resolve) => {
        const sent = () => resolve(true);
        stream(convId, turn, pageContent, undefined, (r, h) =>
          openAsk({ ...r, verify: quick.verify }, {
            ...h,
            onStart: (model) => (sent(), h.onStart?.(model)),
            onFailure: (failure) => (sent(), h.onFailure(failure)),
            onPage: (check) => {
              sent();
              const now = pageAfterCheck(held!, check);
              const shown = pageRef.current;
              if (shown.state === 'ready' && shown.page === held && !samePage(held, now)) setPageState({ state: 'ready', page: now });
              if (!check.same && r.citations) rememberPassages(turn.id, () => splitPassages(now.text));
            },
            onStale: () => {
              running.current = undefined;
              forgetPassages(turn.id);
              convs.commit(convId, (c) => dropTurn(c, turn.id), true);
              resolve(ask(mode, question, fallbackSelection, undefined, false, true));
            },
          }, reserved?.connect),
        );
        // Not written yet: the worker's first answer (start, page, failure) writes it, and a question taken back
        // because the tab moved on is never written at all.
      });
    },
    [tabId, readPage, convs, showFor, stream],
  );

  // The tab shows a new page: read it, so the header and coverage follow (ask() starts its conversation).
  useEffect(() => (tabId === undefined ? undefined : watchTabNavigation(tabId, () => void readPage())), [tabId, readPage]);

  const stop = useCallback(() => {
    const run = running.current;
    if (!run) return;
    running.current = undefined;
    run.handle.stop();
    convs.commit(run.convId, (c) => updateTurn(c, run.turnId, (t) => ({ status: 'stopped', ...settle(t) })), true);
  }, [convs]);

  const continueTurn = useCallback(
    (turn: Turn) => {
      const conv = convs.shown();
      if (running.current || !conv) return;
      const pageContent = pageRef.current.state === 'ready' ? pageRef.current.page : undefined;
      convs.commit(conv.id, (c) => updateTurn(c, turn.id, () => ({ status: 'streaming', failure: undefined, interrupted: undefined })), true);
      stream(conv.id, turn, pageContent, turn.answer);
    },
    [convs, stream],
  );

  const newChat = useCallback(() => {
    if (tabId === undefined || running.current) return;
    const current = pageRef.current;
    const read = current.state === 'ready' ? current.page : undefined;
    showFor(tabId, newConversation(tabId, read?.url, read?.title));
  }, [tabId, showFor]);

  const openConversation = useCallback(
    (c: StoredConversation) => {
      if (tabId !== undefined && !running.current) showFor(tabId, c);
    },
    [tabId, showFor],
  );

  const streaming = running.current !== undefined && running.current.convId === conv?.id;
  return { setAskExtras, page, conv, ask, stop, continueTurn, readPage, newChat, openConversation, streaming, busy: running.current !== undefined };
}
