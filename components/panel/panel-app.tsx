import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PendingAction } from '@/utils/storage/items';
import { actionToQuestion, panelActions } from '@/utils/panel/actions';
import { followTab } from '@/utils/panel/binding';
import { keyHintItem, modelsCacheItem, settingsItem } from '@/utils/storage/items';
import { apiBase } from '@/utils/kimi/endpoint';
import { useStoredValue } from '@/utils/ui/use-stored-value';
import { readActions, useActions } from '@/utils/ui/use-actions';
import { actionQuestion } from '@/utils/actions/question';
import type { Action } from '@/utils/actions/merge';
import { ActionButtons } from './action-buttons';
import { t } from '@/utils/i18n';
import { usePanelSession } from './use-panel-session';
import { readyPage } from './use-page-reading';
import { preloadMarkdown } from '@/components/markdown/lazy-markdown';
import { usePendingActions } from './use-pending-actions';
import { useWhenIdle } from './use-when-idle';
import { PanelHeader } from './panel-header';
import { PageNotice } from './page-notice';
import { heldVideo } from './video-transcript';
import { SetupNotice } from './setup-notice';
import { TurnView } from './turn-view';
import { AskBox } from './ask-box';
import { SelectionLine } from './selection-line';
import { lazyPart } from './lazy-part';
import { StorageNotice } from './storage-notice';
import { CoverageLine } from './coverage-line';
import { AttachBar } from './attach-bar';
import { useAttachedAsk } from './use-attached-ask';
import { SourceBar } from './source-bar';
import { useTabSources } from './use-tab-sources';
import { useStorageHealth } from './use-storage-health';
import { ModelControl } from './model-control';
import { CostLine } from './cost-line';
import './panel.css';

// The shortcuts list at the foot and the parts progress (only while answering in parts) are not needed for the first paint.
const ShortcutsInfo = lazyPart(() => import('./shortcuts-info').then((m) => m.ShortcutsInfo), { quiet: true });
const PartsProgressLine = lazyPart(() => import('./parts-progress').then((m) => m.PartsProgressLine), { quiet: true });
const HistoryView = lazyPart(() => import('./history-view').then((m) => m.HistoryView));
// Only on video pages: nothing is shown for the moment they load.
const VideoNotice = lazyPart(() => import('./video-notice').then((m) => m.VideoNotice), { quiet: true });
// Only for PDFs and files that need a password, consent or a reading choice.
const DocumentNotice = lazyPart(() => import('./document-notice').then((m) => m.DocumentNotice), { quiet: true });
const VideoCard = lazyPart(() => import('./video-card').then((m) => m.VideoCard), { quiet: true });
// Only for pages and PDFs with no text layer.
const TextlessNotice = lazyPart(() => import('./textless-notice').then((m) => m.TextlessNotice), { quiet: true });
export function PanelApp(props: { compact?: boolean }) {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [showHistory, setShowHistory] = useState(false);
  // A menu click for an action deleted meanwhile: said, not dropped silently.
  const [actionGone, setActionGone] = useState(false);
  useEffect(() => followTab(location.search, setTabId), []);
  // The renderer is not part of the first paint, but is ready before any answer is.
  useEffect(() => void preloadMarkdown(), []);
  const keyHint = useStoredValue(keyHintItem);
  const session = usePanelSession(tabId);
  const { conv, streaming, busy } = session;
  const held = readyPage(session.page);
  const { attach, image, waiting, onSend } = useAttachedAsk(session, conv);
  const tabSources = useTabSources(tabId);
  const { tabs: addedTabs, pageOff, fresh, took } = tabSources;
  useEffect(() => session.setQuestionTabs({ count: addedTabs.length, pageOff, fresh, took }), [addedTabs, pageOff, fresh, took, session.setQuestionTabs]);
  // A conversation shown again (the panel reopened on its tab, or opened from History): its other tabs come back as
  // chips, read as they are now, so the next question goes with them as the last one did. Once per conversation shown.
  const restored = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!conv || restored.current === conv.id) return;
    restored.current = conv.id;
    if (!addedTabs.length && conv.sources?.some((s) => s.url !== conv.url)) void tabSources.restore(conv.sources, conv.url);
  }, [conv, addedTabs.length, tabSources.restore]);
  // An action that comes while an answer streams waits for it (one answer at a time), and the panel says so.
  const idle = useWhenIdle(busy);
  const runAction = useCallback(
    (action: PendingAction) =>
      idle.later(async () => {
        setShowHistory(false);
        const asked = actionToQuestion(action, await readActions());
        setActionGone(!asked);
        if (asked && action.image) await image.run(action.image, asked);
        else if (asked) await session.askWithModel(asked.model, asked.mode, asked.question, action.selection);
      }),
    [idle.later, session.askWithModel, image.run],
  );
  usePendingActions(tabId, runAction);
  // The question being typed: "Answer in parts" in the coverage notice asks it, and empties the box once it went.
  const draft = useState('');
  const askInParts = (kind: 'answer' | 'summary') => {
    setShowHistory(false);
    const question = kind === 'answer' ? draft[0].trim() : '';
    void session.ask(kind === 'answer' ? 'ask' : 'summarize', question, undefined, undefined, true).then((sent) => {
      if (sent && question) draft[1]((now) => (now.trim() === question ? '' : now));
    });
  };
  const all = useActions();
  const actions = useMemo(() => panelActions(all), [all]);
  // A quick button or slash command: the selection, if any, is read with the page.
  const askAction = (action: Action, rest = '') => {
    setShowHistory(false);
    const { mode, question } = actionQuestion(action, t, '', rest);
    return session.askWithModel(action.model, mode, question);
  };
  const turns = conv?.turns ?? [];
  // While an answer streams, the Model control shows the model it went to (an action may have its own).
  const running = streaming ? turns.at(-1)?.model : undefined;
  const shownChoice = running && conv ? { ...conv.choice, model: running } : conv?.choice;
  const storage = useStorageHealth(session.retrySaves);
  const settings = useStoredValue(settingsItem);
  const cache = useStoredValue(modelsCacheItem);
  const models = settings && cache?.base === apiBase(settings) ? cache.models : [];

  return (
    <div class={props.compact ? 'panel compact' : 'panel'}>
      <PanelHeader
        page={session.page}
        busy={busy}
        onSummarize={() => {
          setShowHistory(false);
          void session.ask('summarize', '');
        }}
        onSummarizePress={() => session.press('summarize')}
        onNewChat={session.newChat}
        historyOpen={showHistory}
        onHistory={() => setShowHistory(!showHistory)}
        fullPanelTab={props.compact ? tabId : undefined}
      />
      {keyHint === '' && <SetupNotice />}
      <StorageNotice health={storage} />
      {showHistory ? (
        <HistoryView
          onOpen={(c) => {
            // Its other tabs are the next question's again, in place of any added now (the ones closed since are named).
            restored.current = c.id;
            session.openConversation(c);
            void tabSources.restore(c.sources ?? [], c.url);
            setShowHistory(false);
          }}
          onClose={() => setShowHistory(false)}
        />
      ) : (
        <>
          <PageNotice page={session.page} onRetry={() => void session.readPage()} />
          {session.page.state === 'failed' && session.page.result.reason === 'video' && (
            <VideoNotice page={session.page} onRead={(video) => void session.readPage(video ? { video } : {})} />
          )}
          {held?.video && <VideoCard video={held.video} busy={busy} onRead={(video) => void session.readPage({ video })} />}
          {session.page.state === 'document' && <DocumentNotice doc={session.page.doc} onRead={(o) => void session.readPage(o)} />}
          {held?.textless && <TextlessNotice textless={held.textless} onRecognise={() => session.readPage({ ocrPages: true })} />}
          {held && (
            <CoverageLine
              page={held}
              question={!!draft[0].trim()}
              onParts={busy ? undefined : askInParts}
              chosenModel={conv?.choice?.model}
              onUseModel={(model) => session.setChoice({ ...conv?.choice, model })}
            />
          )}
          <PartsProgressLine />
          <section class="turns" role="log" aria-label={t('panelConversation')} aria-live="polite">
            {turns.length === 0 && <p class="empty-hint">{t('panelEmptyHint')}</p>}
            {turns.map((turn, i) => (
              <TurnView
                key={turn.id}
                turn={turn}
                busy={busy}
                last={i === turns.length - 1}
                citeWhere={tabId !== undefined && conv?.url ? { tabId, url: conv.url, ...heldVideo(session.page, conv.url) } : undefined}
                onContinue={() => session.continueTurn(turn)}
                onResend={(question) => void session.ask(turn.mode, question, undefined, turn.id)}
                onParts={() => void session.ask(turn.mode, turn.question, undefined, turn.id, true)}
              />
            ))}
          </section>
          <SourceBar
            sources={tabSources}
            page={held}
            model={conv?.choice?.model ?? settings?.model}
            models={models}
            onUseModel={(model) => session.setChoice({ ...conv?.choice, model })}
            onParts={busy ? undefined : () => askInParts(draft[0].trim() ? 'answer' : 'summary')}
          />
          <AttachBar attach={attach} tabId={tabId} />
          {waiting && (
            <p class="hint" role="status">
              {t('askWaitsForDocument')}
            </p>
          )}
          {settings && conv && <ModelControl settings={settings} models={models} choice={shownChoice} disabled={busy} onChange={session.setChoice} />}
          {idle.held > 0 && (
            <p class="hint action-held" role="status">
              {t('actionsHeld')}
            </p>
          )}
          {actionGone && (
            <p class="hint" role="status">
              {t('actionsGone')}
            </p>
          )}
          {image.note && (
            <div class="hint image-note" role="status">
              <p>{image.note.text}</p>
              {image.note.detail && (
                <details>
                  <summary>{t('errorDetails')}</summary>
                  <pre>{image.note.detail}</pre>
                </details>
              )}
            </div>
          )}
          <ActionButtons actions={actions} busy={busy} onRun={(a) => void askAction(a)} />
          <SelectionLine selection={session.selection} onDrop={session.dropSelection} />
          <AskBox
            actions={actions}
            onAction={askAction}
            streaming={streaming}
            onSend={onSend}
            onStop={session.stop}
            onWarm={session.warm}
            onPress={() => session.press('ask')}
            draft={draft}
            mention={{
              entries: tabSources.mode === 'mention' ? tabSources.entries : null,
              open: () => tabSources.open('mention'),
              pick: (e) => tabSources.add([e]),
              close: tabSources.closePicker,
            }}
          >
            {settings && <CostLine settings={settings} models={models} choice={conv?.choice} page={held} turns={turns} />}
          </AskBox>
        </>
      )}
      {!props.compact && <ShortcutsInfo />}
    </div>
  );
}
