import type { Action } from '@/utils/actions/merge';
import { t } from '@/utils/i18n';
import { ComboList } from './combo-list';

export const SLASH_LIST_ID = 'slash-actions';
export const slashOptionId = (i: number) => `slash-action-${i}`;

/** The actions `/` lists in the question box. */
export function SlashList(props: { actions: Action[]; active: number; query: string; onPick(action: Action): void }) {
  return (
    <ComboList
      class="slash-list"
      listId={SLASH_LIST_ID}
      optionId={slashOptionId}
      label={t('actionsSlashLabel')}
      items={props.actions}
      active={props.active}
      itemKey={(a) => a.id}
      render={(a) => a.name}
      onPick={props.onPick}
      empty={t('actionsSlashNone', props.query)}
    />
  );
}
