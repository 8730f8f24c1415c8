/**
 * The built-in actions, in their default order: the menus, the commands in the manifest, the panel and the
 * pending actions all read this list. Ids and command names are stable (users' shortcuts and tests use them).
 */
import type { BuiltinAction } from '../types';
import { summarizePage } from './summarize-page';
import { explainSelection } from './explain-selection';
import { translateSelection } from './translate-selection';
import { summarizeSelection } from './summarize-selection';
import { askSelection } from './ask-selection';
import { askImage } from './ask-image';

export const BUILTIN_ACTIONS: readonly BuiltinAction[] = [summarizePage, explainSelection, translateSelection, summarizeSelection, askSelection, askImage];

export const builtinAction = (id: string): BuiltinAction | undefined => BUILTIN_ACTIONS.find((a) => a.id === id);

/** The manifest's commands that start an action: name → suggested key and description. */
export function actionCommands(): Record<string, { suggested_key: { default: string }; description: string }> {
  const out: Record<string, { suggested_key: { default: string }; description: string }> = {};
  for (const a of BUILTIN_ACTIONS)
    if (a.command) out[a.id] = { suggested_key: { default: a.command.suggestedKey }, description: `__MSG_${a.command.description}__` };
  return out;
}
