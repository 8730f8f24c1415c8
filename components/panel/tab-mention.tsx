import { t } from '@/utils/i18n';
import type { PickEntry } from '@/utils/sources/tab-pick';
import { ComboList } from './combo-list';
import { TabLabel } from './tab-label';

export const MENTION_LIST_ID = 'tab-mentions';
export const mentionOptionId = (i: number) => `tab-mention-${i}`;

/** The tabs `@` lists in the question box; tabs that can't be read are listed disabled. */
export function MentionList(props: { entries: PickEntry[]; active: number; query: string; onPick(entry: PickEntry): void }) {
  return (
    <ComboList
      class="mention-list"
      listId={MENTION_LIST_ID}
      optionId={mentionOptionId}
      label={t('tabsMentionLabel')}
      items={props.entries}
      active={props.active}
      itemKey={(e) => e.tabId}
      disabled={(e) => !!e.blocked}
      render={(e) => <TabLabel entry={e} />}
      onPick={props.onPick}
      empty={t('tabsNone', props.query)}
    />
  );
}
