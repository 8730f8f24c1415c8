import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PendingAction } from '@/utils/storage/items';
import { actionToQuestion } from '@/utils/panel/actions';
import { followTab } from '@/utils/panel/binding';
import { keyHintItem } from '@/utils/storage/items';
import { useStoredValue } from '@/utils/ui/use-stored-value';
import { t } from '@/utils/i18n';
import { usePanelSession } from './use-panel-session';
import { PanelHeader } from './panel-header';
import { PageNotice } from './page-notice';
import { SetupNotice } from './setup-notice';
import { TurnView } from './turn-view';
import { AskBox } from './ask-box';
import { usePendingActions } from './use-pending-actions';
import './panel.css';

export function PanelApp() {
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  useEffect(() => followTab(location.search, setTabId), []);
  const keyHint = useStoredValue(keyHintItem);
  const session = usePanelSession(tabId);
  const { conv, streaming } = session;
  const runAction = useCallback(
    (action: PendingAction) => {
      const { mode, question } = actionToQuestion(action);
      void session.ask(mode, question, action.selection);
    },
    [session.ask],
  );
  usePendingActions(tabId, runAction);

  return (
    <div class="panel">
      <PanelHeader
        page={session.page}
        busy={streaming}
        onSummarize={() => void session.ask('summarize', '')}
      />
      {keyHint === '' && <SetupNotice />}
      <PageNotice page={session.page} onRetry={() => void session.readPage()} />
      <section class="turns" role="log" aria-label={t('panelConversation')} aria-live="polite">
        {conv.turns.length === 0 && <p class="empty-hint">{t('panelEmptyHint')}</p>}
        {conv.turns.map((turn) => (
          <TurnView
            key={turn.id}
            turn={turn}
            busy={streaming}
            onContinue={() => session.continueTurn(turn)}
            onRetry={() => void session.ask(turn.mode, turn.question)}
          />
        ))}
      </section>
      <AskBox
        streaming={streaming}
        onSend={(question) => session.ask('ask', question)}
        onStop={session.stop}
      />
    </div>
  );
}
