import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AskMode, AskRequest } from '@/utils/messaging/types';
import type { PageContent } from '@/utils/sources/types';
import { openAsk, type AskHandle } from '@/utils/panel/ask-stream';
import { openInParts } from '@/utils/panel/map-reduce';
import { appendDelta, historyBefore, markTitleOnly, updateTurn, type Turn } from '@/utils/panel/conversation';
import type { StoredConversation } from '@/utils/history/schema';
import { newConversation } from '@/utils/panel/tab-conversation';
import type { useShownSelection } from './use-shown-selection';
import type { Conversations, PageReading } from './use-tab-conversation';
import { readyPage } from './use-page-reading';
import { useWarmDoor } from './use-warm-door';
import { settingsItem } from '@/utils/storage/items';
import { tooLong, tooLongWith, useHeldLimits } from './use-held-limits';
import { askParts, recordTurnFiles, type AskExtrasWithFiles } from '@/utils/panel/document-history';
import { continueSources, passagesOf, rememberSent, rereadTabs, tookPage, tookTabs, type SentSources } from '@/utils/panel/turn-sent';
import { forgetPassages, rememberPassages, settleSources } from '@/utils/panel/turn-sources';
import { dropTurn, pageAfterCheck, pageForQuestion, quickPage, samePage } from '@/utils/panel/quick-ask';
import { addPartsTurn } from '@/utils/panel/parts-turn';
import { tabAsk, withSources, type QuestionTabs, type TabAsk } from '@/utils/panel/tab-ask';

/**
 * Files and images attached to the questions (components/panel/attach-bar.tsx); they stay until removed.
 * `files`/`keep`: what the turn records and which texts are kept with the conversation (document-history.ts).
 */
export type AskExtras = Pick<AskRequest, 'attachments' | 'images'> & Pick<AskExtrasWithFiles, 'files' | 'keep'>;

/** The answer streaming now, if any: it keeps landing in its own conversation even if the panel moves on. */
export type Running = { handle: AskHandle; convId: string; turnId: string };

/** A settled turn keeps the passages it cited, so its links still work after the panel reopens. */
const settle = (t: Turn) => ({ sources: settleSources(t) });

/**
 * Asking about the bound tab's page and streaming the one answer: the question's port (opened as the user gets
 * ready to ask), the page checked or read, the limits, and the turn written as it streams; Stop and Continue.
 */
export function useAsk(
  tabId: number | undefined,
  convs: Conversations,
  { pageRef, setPageState, readPage }: PageReading,
  selection: ReturnType<typeof useShownSelection>,
  showFor: (id: number, c: StoredConversation) => void,
  running: { current: Running | undefined },
) {
  const [, setTick] = useState(0);
  const { door, warm, press } = useWarmDoor(tabId, pageRef, running);

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

  // An action's own model (Options → Actions): for the question being asked only, over the conversation's choice.
  const turnModel = useRef<string | undefined>(undefined);
  const stream = useCallback(
    (convId: string, turn: Turn, pageContent: PageContent | undefined, continueFrom?: string, open = openAsk, tabs?: TabAsk['tabs']) => {
      const stored = convs.get(convId)!;
      const model = continueFrom === undefined ? turnModel.current : undefined;
      const current = model ? { ...stored, choice: { ...stored.choice, model } } : stored;
      if (continueFrom === undefined) rememberSent(turn.id, { page: pageContent, tabs });
      const cite = citeOn.current && (!!pageContent?.text.trim() || !!tabs?.some((t) => t.text.trim()));
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
          onTabs: (news) => (added.current?.took(news), tookTabs(turn.id, news, cite)),
        },
      );
      running.current = { handle, convId, turnId: turn.id };
      // Cut only when the answer first needs a link: the panel needs the numbers only for that.
      if (cite) rememberPassages(turn.id, () => passagesOf({ page: pageContent, tabs }));
      setTick((n) => n + 1);
    },
    [convs, running],
  );

  /**
   * Streams the answer to a question about the page as it is now. A page the panel holds goes at once and the
   * worker checks it against the tab (quick-ask.ts); otherwise the page is read first. `reread`: the worker
   * found the tab showing another page, so read it.
   */
  const ask = useCallback(
    async (mode: AskMode, question: string, fallbackSelection?: string, replaceFrom?: string, inParts = false, reread = false): Promise<boolean> => {
      if (running.current || tabId === undefined) return false;
      const held = readyPage(pageRef.current);
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
      // With other tabs, every source was given its share of the room, unless even that can't serve the question (tab-ask.ts).
      const failure =
        inParts || multi || !pageContent
          ? (tabs?.failure ?? null)
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
                  if (!check.same) tookPage(turn.id, now, !!r.citations);
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
    [tabId, readPage, convs, showFor, stream, selection.takeDropped, running, pageRef, setPageState, door],
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

  const stop = useCallback(() => {
    const run = running.current;
    if (!run) return;
    running.current = undefined;
    run.handle.stop();
    convs.commit(run.convId, (c) => updateTurn(c, run.turnId, (t) => ({ status: 'stopped', ...settle(t) })), true);
  }, [convs, running]);

  const continueTurn = useCallback(
    (turn: Turn) => {
      const conv = convs.shown();
      if (running.current || !conv) return;
      // The whole page does not fit: it is read in parts again (parts already read in this panel are not sent again).
      if (turn.inParts) return void ask(turn.mode, turn.question, undefined, turn.id, true);
      const pageContent = readyPage(pageRef.current);
      convs.commit(conv.id, (c) => updateTurn(c, turn.id, () => ({ status: 'streaming', failure: undefined, interrupted: undefined })), true);
      const multi = added.current && (added.current.count > 0 || added.current.pageOff) ? added.current : null;
      // Only when this panel no longer holds what the first part was written from (turn-sent.ts): read as a new question.
      const around = { question: turn.question, history: conv.turns };
      const reread = !multi ? undefined : rereadTabs(multi, pageContent, async () => limits.held() ?? (await limits.now()), conv.choice?.model, around);
      // A re-read fails only when the settings can't be read, and then the request itself says so.
      void continueSources(turn.id, pageContent, reread)
        .catch((): SentSources => ({ page: pageContent }))
        .then((s) => stream(conv.id, turn, s.page, turn.answer, openAsk, s.tabs));
    },
    [convs, stream, ask, running, pageRef],
  );

  return { setAskExtras, setQuestionTabs, ask, askWithModel, stop, continueTurn, warm, press };
}
