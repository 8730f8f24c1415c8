import type { AskMode } from '../messaging/types';
import type { PendingAction } from '../storage/items';
import { t } from '../i18n';

/** What a menu item or shortcut becomes as a question in the panel. */
export function actionToQuestion(action: PendingAction): { mode: AskMode; question: string } {
  switch (action.kind) {
    case 'summarize-page':
      return { mode: 'summarize', question: '' };
    case 'explain-selection':
      return { mode: 'ask', question: t('actionExplainSelection') };
    case 'translate-selection':
      return { mode: 'ask', question: t('actionTranslateSelection', t('languageName')) };
    case 'summarize-selection':
      return { mode: 'ask', question: t('actionSummarizeSelection') };
    case 'ask-selection':
      // The selected words are the question, asked about the page they sit in.
      return { mode: 'ask', question: action.selection?.trim() || t('actionExplainSelection') };
  }
}
