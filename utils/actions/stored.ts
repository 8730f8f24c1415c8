/** Checks for what comes from storage or an imported file: the shape of one stored action, and its limits. */
import type { StoredAction } from '../storage/items';
import { ACTION_CONTEXTS, type ActionContext } from './types';
import { PROMPT_MAX } from './template';

/** Longest action name: it is a menu item and a button. */
export const NAME_MAX = 60;
/** Longest model id kept with an action. */
export const MODEL_MAX = 100;

const isContexts = (v: unknown): v is ActionContext[] =>
  Array.isArray(v) &&
  v.length > 0 &&
  v.length <= ACTION_CONTEXTS.length &&
  v.every((c) => ACTION_CONTEXTS.includes(c as ActionContext)) &&
  new Set(v).size === v.length;

const optString = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);

export function isStoredAction(v: unknown): v is StoredAction {
  if (!v || typeof v !== 'object') return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.id === 'string' &&
    a.id.length > 0 &&
    a.id.length <= 80 &&
    typeof a.hidden === 'boolean' &&
    optString(a.name, NAME_MAX) &&
    optString(a.prompt, PROMPT_MAX) &&
    optString(a.model, MODEL_MAX) &&
    (a.contexts === undefined || isContexts(a.contexts))
  );
}
