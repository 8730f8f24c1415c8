import { useMemo } from 'preact/hooks';
import { actionsItem } from '../storage/items';
import { mergeActions, type Action } from '../actions/merge';
import { t } from '../i18n';
import { useStoredValue } from './use-stored-value';

/** The user's actions in their order (built-ins merged in), following every change; [] until read. */
export function useActions(): Action[] {
  const stored = useStoredValue(actionsItem);
  return useMemo(() => (stored === undefined ? [] : mergeActions(stored, t)), [stored]);
}

/** The actions as stored now (for a menu click handled before the list was first read). */
export const readActions = async (): Promise<Action[]> => mergeActions(await actionsItem.getValue(), t);
