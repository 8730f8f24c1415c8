import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AskMode, AskRequest } from '@/utils/messaging/types';
import type { AskChoice } from '@/utils/kimi/types';
import type { PageContent } from '@/utils/sources/types';
import { openAsk, type AskHandle } from '@/utils/panel/ask-stream';
import { warmPort } from '@/utils/panel/warm-port';
import { openInParts } from '@/utils/panel/map-reduce';
import { watchTabNavigation } from '@/utils/panel/tab-navigation';
import { appendDelta, historyBefore, markTitleOnly, updateTurn, type Turn } from '@/utils/panel/conversation';
import type { StoredConversation } from '@/utils/history/schema';
import { conversationForTab, newConversation, rememberTabConversation } from '@/utils/panel/tab-conversation';
import { useConversations } from './use-conversations';
import { usePageReading } from './use-page-reading';
import { useShownSelection } from './use-shown-selection';
import { settingsItem } from '@/utils/storage/items';
import { tooLong, tooLongWith, useHeldLimits } from './use-held-limits';
import { askParts, recordTurnFiles, type AskExtrasWithFiles } from '@/utils/panel/document-history';
import { isPdfText, splitPassages } from '@/utils/citations/passages';
import { forgetPassages, rememberPassages, settleSources } from '@/utils/panel/turn-sources';
import { continueSources, rememberSent, type SentSources } from '@/utils/panel/turn-sent';
import { dropTurn, pageAfterCheck, pageForQuestion, quickPage, samePage } from '@/utils/panel/quick-ask';
import { addPartsTurn } from '@/utils/panel/parts-turn';
import { tabAsk, withSources, type QuestionTabs, type TabAsk } from '@/utils/panel/tab-ask';
import { questionPassages } from '@/utils/panel/tab-plan';

export type { PageState } from './use-page-reading';

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
/** A settled turn keeps the passages it cited, so its links still work after the panel reopens. */
const settle = (t: Turn) => ({ sources: settleSources(t) });

export function usePanelSession(tabId: number | undefined) {
  const { page, pageRef, setPageState, readPage } = usePageReading(tabId);
  const selection = useShownSelection(tabId, page, readPage);
  const [convs, conv] = useConversations();
  const tabConv = useRef(new Map<number, string>());
  const running = useRef<{ handle: AskHandle; convId: string; turnId: string } | undefined>(undefined);
  const [, setTick] = useState(0);
  // The next question's port, opened as the user gets ready to ask (warm-port.ts).
  const door = useRef(warmPort());
  useEffect(() => () => door.current.dispose(), []);

  // Read once and followed, so asking costs no extra storage read.
  const citeOn = useRef(true);
  useEffect(() => {
    void settingsItem.getValue().then((s) => (citeOn.current = s.citations !== false));
    return settingsItem.watch((s) => (citeOn.current = s?.citations !== false));
  }, []);
  const limits = useHeldLimits();

  const extras = useRef<AskExtras>({});
  const setAskExtras = useCallback((next: AskExtras) => void (extras.current = next), []);
  const added = useRef<QuestionTabs | null>(null);
  const setQuestionTabs = useCallback((next: QuestionTabs) => void (added.current = next), []);

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
      // A question asked meanwhile (a menu action claimed as the panel loads) shows its own conversation: keep it.
      const since = tabConv.current.get(tabId);
      const askedMeanwhile = since && since !== known ? convs.get(since) : undefined;
      if (live) showFor(tabId, askedMeanwhile ?? found ?? newConversation(tabId, url, title));
    })();
    return () => {
      live = false;
    };
  }, [tabId, readPage, showFor, convs]);

  // An action's own model (Options → Actions): for the question being asked only, over the conversation's choice.
  const turnModel = useRef<string | undefined>(undefined);
  const stream = useCallback(
    (convId: string, turn: Turn, pageContent: PageContent | undefined, continueFrom?: string, open = openAsk, tabs?: TabAsk['tabs']) => {
      const stored = convs.get(convId)!;
      const model = continueFrom === undefined ? turnModel.current : undefined;
      const current = model ? { ...stored, choice: { ...stored.choice, model } } : stored;
      const cite = citeOn.current && (!!pageContent?.text.trim() || !!tabs?.some((t) => t.text.trim()));
      if (continueFrom === undefined) rememberSent(turn.id, { page: pageContent, tabs });
      const handle = open(
        {
          mode: turn.mode,
          question: turn.question,
          page: pageContent,
          history: historyBefore(current, turn.id),
          continueFrom,
          conversationId: convId,
          ...askParts(extras.current),
          ...(tabs?.length ? { tabs: tabs.map(({ tabId: _, ...text }) => text) } : {}),
          ...(current.choice ? { choice: current.choice } : {}),
          ...(cite ? { citations: { first: 1 } } : {}),
        },
        {
          // Not written at once: a storage write now would compete with the request on its way.
          onStart: (model) => convs.commit(convId, (c) => updateTurn(c, turn.id, () => ({ model })), false),
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
      if (cite)
        rememberPassages(turn.id, () => (tabs?.length ? questionPassages(pageContent, tabs) : splitPassages(pageContent!.text, isPdfText(pageContent!))));
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
      // Other tabs added: read again where they changed, while the page is checked or read.
      const multi = added.current && (added.current.count > 0 || added.current.pageOff) ? added.current : null;
      const freshTabs = multi?.fresh();
      // The selection the panel shows goes, or none if the user dropped it (the tab's at the click never does).
      let quick =
        !inParts && !reread && held && !multi?.pageOff ? quickPage(held, tabId, mode, fallbackSelection, selection.takeDropped(held.selection)) : undefined;
      // Otherwise the page is asked for first; while it is read, the worker reads its settings (on the reserved port) and the panel its limits.
      const reading = quick || multi?.pageOff ? undefined : readPage();
      const reserved = inParts ? undefined : door.current.take();
      const knownLimits = limits.held();
      const limitsRead = inParts || (quick && knownLimits) ? undefined : limits.now();
      limitsRead?.catch(() => undefined); // tooLong() reports it
      const giveUp = () => {
        reserved?.release();
        return false;
      };
      let pageContent: PageContent | undefined;
      if (quick) pageContent = quick.page;
      else if (reading) {
        const state = await reading;
        if (state.state !== 'ready') return giveUp();
        pageContent = pageForQuestion(state.page, mode, fallbackSelection);
      }
      let tabs: TabAsk | undefined;
      if (multi) {
        const [settings, cache] = knownLimits ?? (await limits.now());
        const shown = convs.shown();
        tabs = tabAsk(
          pageContent,
          await freshTabs!,
          shown?.choice?.model ?? settings.model,
          cache?.models ?? [],
          { question, history: shown?.turns ?? [] },
          inParts,
        );
        pageContent = tabs.page;
        // A page cut to its share goes with its text (the worker's check would send it whole).
        if (tabs.pageCut) quick = undefined;
      }
      const anchor = pageContent ?? held;
      // Never send what can't fit: the question's turn says why, and offers a larger model or reading in parts. With
      // the page and limits held this is decided at once: no await before the question is posted (a render would come first).
      const chosen = turnModel.current || convs.shown()?.choice?.model;
      // With other tabs, every source was given its share of the room (tab-ask.ts).
      const failure =
        inParts || multi || !pageContent
          ? null
          : quick && knownLimits
            ? tooLongWith(pageContent, knownLimits, chosen)
            : await tooLong(pageContent, limitsRead, chosen);
      if (failure) reserved?.release();
      let conv = convs.shown();
      // The tab moved to another page: that page gets its own conversation.
      if (!conv || (conv.turns.length > 0 && conv.url && pageContent && conv.url !== pageContent.url)) {
        conv = newConversation(tabId, anchor?.url, anchor?.title ?? '');
        showFor(tabId, conv);
      }
      const base = replaceFrom
        ? {
            ...conv,
            turns: conv.turns.slice(
              0,
              conv.turns.findIndex((t) => t.id === replaceFrom),
            ),
          }
        : conv;
      const [next, turn] = recordTurnFiles(
        conv.id,
        markTitleOnly(addPartsTurn(base, mode, question, inParts, failure), pageContent?.video?.titleOnly),
        extras.current,
      );
      const convId = conv.id;
      // Written only once the question is posted (below): the storage write is not in the way of the first token.
      const staged = () => ({
        ...(tabs ? withSources(next, pageContent, tabs.tabs) : next),
        url: conv!.url || anchor?.url || '',
        title: conv!.title || anchor?.title || '',
      });
      if (failure) {
        convs.commit(convId, staged, true);
        return true;
      }
      if (quick) convs.stage(convId, staged);
      else convs.commit(convId, staged, false);
      if (!quick) {
        stream(convId, turn, pageContent, undefined, inParts ? openInParts : (r, h) => openAsk(r, h, reserved?.connect), tabs?.tabs);
        convs.save(convId);
        return true;
      }
      // Sent once the worker has seen the page in the tab; a tab showing another page is read and asked again.
      const q = quick;
      return new Promise<boolean>((resolve) => {
        const sent = () => resolve(true);
        stream(
          convId,
          turn,
          pageContent,
          undefined,
          (r, h) =>
            openAsk(
              { ...r, verify: q.verify },
              {
                ...h,
                onStart: (model) => (sent(), h.onStart?.(model)),
                onFailure: (failure) => (sent(), h.onFailure(failure)),
                onPage: (check) => {
                  sent();
                  const now = pageAfterCheck(held!, check);
                  const shown = pageRef.current;
                  if (shown.state === 'ready' && shown.page === held && !samePage(held, now)) setPageState({ state: 'ready', page: now });
                  // The worker sent the page as it found it: Continue carries on with that.
                  if (!check.same) rememberSent(turn.id, { page: now, tabs: tabs?.tabs });
                  if (!check.same && r.citations) rememberPassages(turn.id, () => splitPassages(now.text, isPdfText(now)));
                },
                onStale: () => {
                  running.current = undefined;
                  forgetPassages(turn.id);
                  convs.commit(convId, (c) => dropTurn(c, turn.id), true);
                  resolve(ask(mode, question, fallbackSelection, undefined, false, true));
                },
              },
              reserved?.connect,
            ),
          tabs?.tabs,
        );
        // Written from the worker's first answer on (start, page: within the persister's interval, so no write
        // competes with the request on its way; a failure at once); a question taken back because the tab moved
        // on is never written at all.
      });
    },
    [tabId, readPage, convs, showFor, stream, selection.takeDropped],
  );

  /** `ask` with an action's own model for this one question (none: the conversation's choice, as always). */
  const askWithModel = useCallback(
    async (model: string | undefined, mode: AskMode, question: string, fallbackSelection?: string): Promise<boolean> => {
      turnModel.current = model || undefined;
      try {
        return await ask(mode, question, fallbackSelection);
      } finally {
        turnModel.current = undefined;
      }
    },
    [ask],
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
      // The whole page does not fit: it is read in parts again (parts already read in this panel are not sent again).
      if (turn.inParts) return void ask(turn.mode, turn.question, undefined, turn.id, true);
      const pageContent = pageRef.current.state === 'ready' ? pageRef.current.page : undefined;
      convs.commit(conv.id, (c) => updateTurn(c, turn.id, () => ({ status: 'streaming', failure: undefined, interrupted: undefined })), true);
      const multi = added.current && (added.current.count > 0 || added.current.pageOff) ? added.current : null;
      // Only when this panel no longer holds what the first part was written from (turn-sent.ts): read as a new question.
      const reread = multi
        ? async () => {
            const [settings, cache] = limits.held() ?? (await limits.now());
            const page = multi.pageOff ? undefined : pageContent;
            const now = tabAsk(page, await multi.fresh(), conv.choice?.model ?? settings.model, cache?.models ?? [], {
              question: turn.question,
              history: conv.turns,
            });
            return { page: now.page, tabs: now.tabs };
          }
        : undefined;
      void continueSources(turn.id, pageContent, reread)
        .catch((): SentSources => ({ page: pageContent }))
        .then((s) => stream(conv.id, turn, s.page, turn.answer, openAsk, s.tabs));
    },
    [convs, stream, ask],
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

  /** About the page the panel holds, the check a question in `mode` will need (warm-port.ts). */
  const verifyFor = useCallback(
    (mode: AskMode) => {
      const held = pageRef.current.state === 'ready' ? pageRef.current.page : undefined;
      return held && tabId !== undefined ? quickPage(held, tabId, mode)?.verify : undefined;
    },
    [tabId],
  );
  /** Typing a question, or Send or Summarize pressed: the worker starts checking the tab now. */
  const warm = useCallback(() => door.current.warm(verifyFor('ask')), [verifyFor]);
  const press = useCallback(
    (mode: AskMode) => {
      if (!running.current) door.current.press(verifyFor(mode));
    },
    [verifyFor],
  );

  /** The panel's model / thinking / search choice: kept with the conversation, for its next questions. */
  const setChoice = useCallback(
    (choice: AskChoice) => {
      const shown = convs.shown();
      if (shown) convs.commit(shown.id, (c) => ({ ...c, choice }), true);
    },
    [convs],
  );

  const streaming = running.current !== undefined && running.current.convId === conv?.id;
  return {
    setAskExtras,
    setQuestionTabs,
    setChoice,
    page,
    conv,
    ask,
    askWithModel,
    selection: selection.shown,
    dropSelection: selection.drop,
    warm,
    press,
    stop,
    continueTurn,
    readPage,
    newChat,
    openConversation,
    streaming,
    busy: running.current !== undefined,
    retrySaves: convs.retryFailed,
  };
}
