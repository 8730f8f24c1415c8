import type { AskMode } from '../messaging/types';
import type { PendingAction } from '../storage/items';
import { t } from '../i18n';
import type { Action } from '../actions/merge';
import { actionQuestion } from '../actions/question';

/** What a menu item, shortcut or slash command becomes as a question in the panel; undefined for an action since deleted. */
export function actionToQuestion(pending: PendingAction, actions: readonly Action[]): { mode: AskMode; question: string; model?: string } | undefined {
  const action = actions.find((a) => a.id === pending.kind);
  return action && { ...actionQuestion(action, t, pending.selection), ...(action.model ? { model: action.model } : {}) };
}

/** The actions the panel offers as buttons and slash commands: an image-only one needs the image its menu click captures. */
export const panelActions = (actions: readonly Action[]): Action[] => actions.filter((a) => a.contexts.some((c) => c !== 'image'));
