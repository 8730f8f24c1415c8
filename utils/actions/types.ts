import type { AskMode } from '../messaging/types';
import type { MessageKey } from '../i18n';

/** Where an action appears in the context menu (the panel and slash list show every visible action). */
export type ActionContext = 'page' | 'selection' | 'image';
export const ACTION_CONTEXTS: readonly ActionContext[] = ['page', 'selection', 'image'];

/**
 * What a built-in action does when the user has not edited it: Moonlit's own localised summary instruction,
 * the selected words as the question, or its prompt template (the default for user actions).
 */
export type BuiltinBehaviour = 'default-summary' | 'selection-as-question' | 'template';

/** One built-in action: a file of its own under builtin/, listed once in builtin/index.ts. */
export interface BuiltinAction {
  /** The context-menu item id, the pending action's kind and (if any) the command name: never changes. */
  id: string;
  /** Shown in Options, the panel's buttons and the slash list. */
  name: MessageKey;
  /** The context-menu title; `$1` becomes the browser's `%s` (the selected text). */
  menuTitle: MessageKey;
  contexts: ActionContext[];
  /** The default prompt template, shown (and editable) in Options. */
  prompt: MessageKey;
  mode: AskMode;
  unedited: BuiltinBehaviour;
  /** A keyboard command with this action's id as its name. */
  command?: { suggestedKey: string; description: MessageKey };
}
