import type { AskMode } from '../messaging/types';
import type { PendingAction } from '../storage/items';
import { t } from '../i18n';
import type { Action } from '../actions/merge';
import { actionQuestion } from '../actions/question';

/** An action's question: its mode, and its own model when it has one (Options → Actions). */
export interface ActionAsk {
  mode: AskMode;
  question: string;
  model?: string;
}

/** What a menu item, shortcut or slash command becomes as a question in the panel; undefined for an action since deleted. */
export function actionToQuestion(pending: PendingAction, actions: readonly Action[]): ActionAsk | undefined {
  const action = actions.find((a) => a.id === pending.kind);
  return action && { ...actionQuestion(action, t, pending.selection), ...(action.model ? { model: action.model } : {}) };
}

/** The actions the panel offers as buttons and slash commands: an image-only one needs the image its menu click captures. */
export const panelActions = (actions: readonly Action[]): Action[] => actions.filter((a) => a.contexts.some((c) => c !== 'image'));

/**
 * The model a question goes to: the action's own, else the conversation's choice (the Model control), else the
 * saved default. One rule for every path, so what the panel checks (images, size, cost) is what the worker sends to.
 */
export const questionModel = (action: string | undefined, chosen: string | undefined, saved: string | undefined): string | undefined =>
  action || chosen || saved || undefined;
