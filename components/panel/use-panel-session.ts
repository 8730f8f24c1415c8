import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { AskChoice } from '@/utils/kimi/types';
import { watchTabNavigation } from '@/utils/panel/tab-navigation';
import { useConversations } from './use-conversations';
import { usePageReading } from './use-page-reading';
import { useShownSelection } from './use-shown-selection';
import { useAsk, type Running } from './use-ask';
import { useTabConversation } from './use-tab-conversation';

export type { PageState } from './use-page-reading';
export type { AskExtras } from './use-ask';

/**
 * The panel's session for the bound tab: the page as read, its conversation
 * (saved as it changes), and the one answer that may be streaming — which
 * keeps landing in its own conversation even if the panel moves to another tab.
 */
export function usePanelSession(tabId: number | undefined) {
  const reading = usePageReading(tabId);
  const { page, readPage } = reading;
  const selection = useShownSelection(tabId, page, readPage);
  const [convs, conv] = useConversations();
  const running = useRef<Running | undefined>(undefined);
  const tab = useTabConversation(tabId, convs, reading, running);
  const asking = useAsk(tabId, convs, reading, selection, tab.showFor, running);

  // The tab shows a new page: read it, so the header and coverage follow (ask() starts its conversation).
  useEffect(() => (tabId === undefined ? undefined : watchTabNavigation(tabId, () => void readPage())), [tabId, readPage]);

  /** The panel's model / thinking / search choice: kept with the conversation, for its next questions. */
  const setChoice = useCallback(
    (choice: AskChoice) => {
      const shown = convs.shown();
      if (shown) convs.commit(shown.id, (c) => ({ ...c, choice }), true);
    },
    [convs],
  );

  return {
    ...asking,
    ...tab,
    setChoice,
    page,
    conv,
    selection: selection.shown,
    dropSelection: selection.drop,
    readPage,
    streaming: running.current !== undefined && running.current.convId === conv?.id,
    busy: running.current !== undefined,
    retrySaves: convs.retryFailed,
  };
}
