/**
 * Actions to and from a file: versioned JSON, checked whole before anything changes, so a bad file is refused
 * with the reason and the user's actions stay as they were.
 */
import type { StoredAction } from '../storage/items';
import { builtinAction } from './builtin';
import { isUserActionId, mergeActions, toStored, type Action, type Localise } from './merge';
import { isStoredAction } from './stored';
import { hasErrors, validateDraft, type FieldError } from './validate';

export const ACTIONS_FILE_FORMAT = 'moonlit-actions';
export const ACTIONS_FILE_VERSION = 1;
/** Far more than any list of actions; more is not an actions file. */
export const IMPORT_MAX_BYTES = 512 * 1024;
export const IMPORT_MAX_ACTIONS = 200;

export interface ActionsFile {
  format: typeof ACTIONS_FILE_FORMAT;
  version: number;
  actions: StoredAction[];
}

export function exportActions(actions: readonly Action[], text: Localise): string {
  const file: ActionsFile = { format: ACTIONS_FILE_FORMAT, version: ACTIONS_FILE_VERSION, actions: toStored(actions, text).list };
  return JSON.stringify(file, null, 2);
}

export type ImportResult = { ok: true; actions: Action[]; count: number } | { ok: false; error: FieldError };

const fail = (key: FieldError['key'], ...subs: string[]): ImportResult => ({ ok: false, error: { key, subs } });

/**
 * The user's actions with the file's merged in: an entry replaces the action with its id (a built-in's edits,
 * or the same user action imported again), a new user action goes at the end.
 */
export function importActions(raw: string, current: readonly Action[], text: Localise): ImportResult {
  if (raw.length > IMPORT_MAX_BYTES) return fail('actionsImportTooBig', `${IMPORT_MAX_BYTES / 1024} KB`);
  let file: unknown;
  try {
    file = JSON.parse(raw);
  } catch {
    return fail('actionsImportNotJson');
  }
  const f = file as Partial<ActionsFile> | null;
  if (!f || typeof f !== 'object' || f.format !== ACTIONS_FILE_FORMAT || typeof f.version !== 'number' || !Array.isArray(f.actions))
    return fail('actionsImportNotOurs');
  if (f.version > ACTIONS_FILE_VERSION) return fail('actionsImportVersion', String(f.version));
  if (f.actions.length > IMPORT_MAX_ACTIONS) return fail('actionsImportTooMany', String(IMPORT_MAX_ACTIONS));
  const stored = toStored(current, text).list;
  for (const [i, entry] of f.actions.entries()) {
    const bad = (why: string) => fail('actionsImportBadEntry', String(i + 1), why);
    if (!isStoredAction(entry) || (!builtinAction(entry.id) && !isUserActionId(entry.id))) return bad(text('actionsImportBadShape'));
    if (isUserActionId(entry.id) && (entry.name === undefined || entry.prompt === undefined || entry.contexts === undefined))
      return bad(text('actionsImportBadShape'));
    const at = stored.findIndex((s) => s.id === entry.id);
    const next = at < 0 ? [...stored, entry] : stored.map((s, j) => (j === at ? entry : s));
    // Checked as the Options form checks it, against the list as it would be.
    const merged = mergeActions({ list: next }, text);
    const action = merged.find((a) => a.id === entry.id)!;
    const errors = validateDraft(action, merged, entry.id);
    if (hasErrors(errors)) {
      const first = Object.values(errors)[0]!;
      return bad(text(first.key).replace(/\$(\d)/g, (_, n: string) => first.subs?.[Number(n) - 1] ?? ''));
    }
    stored.splice(0, stored.length, ...next);
  }
  return { ok: true, actions: mergeActions({ list: stored }, text), count: f.actions.length };
}
