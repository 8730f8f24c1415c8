import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PendingAction } from '@/utils/storage/items';
import { actionToQuestion } from '@/utils/panel/actions';
import { followTab } from '@/utils/panel/binding';
import { keyHintItem } from '@/utils/storage/items';
import { useStoredValue } from '@/utils/ui/use-stored-value';
import { t } from '@/utils/i18n';
import { usePanelSession } from './use-panel-session';
import { usePendingActions } from './use-pending-actions';
import { PanelHeader } from './panel-header';
import { PageNotice } from './page-notice';
import { SetupNotice } from './setup-notice';
import { TurnView } from './turn-view';
import { AskBox } from './ask-box';
import { HistoryView } from './history-view';
import { CoverageLine } from './coverage-line';
import { ShortcutsInfo } from './shortcuts-info';
import './panel.css';

export function PanelApp(props: { compact?: boolean }) {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [showHistory, setShowHistory] = useState(false);
  useEffect(() => followTab(location.search, setTabId), []);
  const keyHint = useStoredValue(keyHintItem);
  const session = usePanelSession(tabId);
  const { conv, streaming, busy } = session;
  const runAction = useCallback(
    (action: PendingAction) => {
      setShowHistory(false);
      const { mode, question } = actionToQuestion(action);
      void session.ask(mode, question, action.selection);
    },
    [session.ask],
  );
  usePendingActions(tabId, runAction);
  const turns = conv?.turns ?? [];

  return (
    <div class={props.compact ? 'panel compact' : 'panel'}>
      <PanelHeader
        page={session.page}
        busy={busy}
        onSummarize={() => {
          setShowHistory(false);
          void session.ask('summarize', '');
        }}
        onNewChat={session.newChat}
        historyOpen={showHistory}
        onHistory={() => setShowHistory(!showHistory)}
        fullPanelTab={props.compact ? tabId : undefined}
      />
      {keyHint === '' && <SetupNotice />}
      {showHistory ? (
        <HistoryView
          onOpen={(c) => {
            session.openConversation(c);
            setShowHistory(false);
          }}
          onClose={() => setShowHistory(false)}
        />
      ) : (
        <>
          <PageNotice page={session.page} onRetry={() => void session.readPage()} />
          {session.page.state === 'ready' && <CoverageLine page={session.page.page} />}
          <section class="turns" role="log" aria-label={t('panelConversation')} aria-live="polite">
            {turns.length === 0 && <p class="empty-hint">{t('panelEmptyHint')}</p>}
            {turns.map((turn, i) => (
              <TurnView
                key={turn.id}
                turn={turn}
                busy={busy}
                last={i === turns.length - 1}
                onContinue={() => session.continueTurn(turn)}
                onResend={(question) => void session.ask(turn.mode, question, undefined, turn.id)}
              />
            ))}
          </section>
          <AskBox streaming={streaming} onSend={(question) => session.ask('ask', question)} onStop={session.stop} />
        </>
      )}
      {!props.compact && <ShortcutsInfo />}
    </div>
  );
}
