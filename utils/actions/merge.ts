/**
 * The one list of actions the user sees: the stored order, edits and hidden flags over the built-ins' defaults,
 * and the user's own. Pure: the caller passes the localiser, so Options, the panel and the worker share it.
 */
import type { ActionsSetting, StoredAction } from '../storage/items';
import type { MessageKey } from '../i18n';
import { BUILTIN_ACTIONS, builtinAction } from './builtin';
import type { ActionContext, BuiltinAction } from './types';
import type { AskMode } from '../messaging/types';
import { isStoredAction } from './stored';

export interface Action {
  id: string;
  /** The built-in this is (edited or not); undefined for the user's own. */
  builtin?: BuiltinAction;
  name: string;
  prompt: string;
  contexts: ActionContext[];
  model: string;
  hidden: boolean;
  /** A built-in with the user's changes: it can be reset. */
  edited: boolean;
  mode: AskMode;
}

export type Localise = (key: MessageKey) => string;

/** Ids of the user's own actions: never one a built-in could take. */
export const USER_ID_PREFIX = 'user-';
export const isUserActionId = (id: string) => id.startsWith(USER_ID_PREFIX) && id.length > USER_ID_PREFIX.length;
/** Whether a menu item id or command name may be an action (decided at once, inside the click's gesture). */
export const mayBeAction = (id: unknown): id is string => typeof id === 'string' && (!!builtinAction(id) || isUserActionId(id));

function resolve(stored: StoredAction | undefined, builtin: BuiltinAction, text: Localise): Action {
  const edited = !!stored && (stored.name !== undefined || stored.prompt !== undefined || stored.contexts !== undefined || !!stored.model);
  return {
    id: builtin.id,
    builtin,
    name: stored?.name ?? text(builtin.name),
    prompt: stored?.prompt ?? text(builtin.prompt),
    contexts: stored?.contexts ?? builtin.contexts,
    model: stored?.model ?? '',
    hidden: stored?.hidden ?? false,
    edited,
    mode: builtin.mode,
  };
}

/** Stored order first; a built-in the store does not know yet (new in an update) goes after the ones before it. */
export function mergeActions(setting: ActionsSetting | null | undefined, text: Localise): Action[] {
  const seen = new Set<string>();
  const out: Action[] = [];
  for (const s of setting?.list ?? []) {
    if (!isStoredAction(s) || seen.has(s.id)) continue;
    const builtin = builtinAction(s.id);
    if (builtin) out.push(resolve(s, builtin, text));
    else if (isUserActionId(s.id) && s.name !== undefined && s.prompt !== undefined && s.contexts !== undefined) {
      out.push({ id: s.id, name: s.name, prompt: s.prompt, contexts: s.contexts, model: s.model ?? '', hidden: s.hidden, edited: false, mode: 'ask' });
    } else continue;
    seen.add(s.id);
  }
  BUILTIN_ACTIONS.forEach((b, i) => {
    if (seen.has(b.id)) return;
    const before = BUILTIN_ACTIONS.slice(0, i).map((x) => x.id);
    const at = out.reduce((pos, a, j) => (before.includes(a.id) ? j + 1 : pos), 0);
    out.splice(at, 0, resolve(undefined, b, text));
  });
  return out;
}

/** What goes back into storage: a built-in keeps only what differs from its default. */
export function toStored(actions: readonly Action[], text: Localise): ActionsSetting {
  return {
    list: actions.map((a): StoredAction => {
      if (!a.builtin) return { id: a.id, hidden: a.hidden, name: a.name, prompt: a.prompt, contexts: a.contexts, ...(a.model ? { model: a.model } : {}) };
      const b = a.builtin;
      const out: StoredAction = { id: a.id, hidden: a.hidden };
      if (a.name !== text(b.name)) out.name = a.name;
      if (a.prompt !== text(b.prompt)) out.prompt = a.prompt;
      if (a.contexts.join() !== b.contexts.join()) out.contexts = a.contexts;
      if (a.model) out.model = a.model;
      return out;
    }),
  };
}

/** A built-in back to its defaults, where it stands in the list. */
export function resetAction(actions: readonly Action[], id: string, text: Localise): Action[] {
  return actions.map((a) => (a.id === id && a.builtin ? { ...resolve(undefined, a.builtin, text), hidden: a.hidden } : a));
}

/** Moves an action one place up (-1) or down (+1). */
export function moveAction(actions: readonly Action[], id: string, by: -1 | 1): Action[] {
  const i = actions.findIndex((a) => a.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= actions.length) return [...actions];
  const out = [...actions];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Only the user's own actions can be deleted; a built-in can be hidden. */
export const deleteAction = (actions: readonly Action[], id: string): Action[] => actions.filter((a) => a.id !== id || !!a.builtin);

export const visibleIn = (actions: readonly Action[], context: ActionContext) => actions.filter((a) => !a.hidden && a.contexts.includes(context));
