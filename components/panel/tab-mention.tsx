import { t } from '@/utils/i18n';
import type { PickEntry } from '@/utils/sources/tab-pick';
import { TabLabel } from './tab-picker';

export const MENTION_LIST_ID = 'tab-mentions';
export const mentionOptionId = (i: number) => `tab-mention-${i}`;

/** The tabs `@` lists in the question box (the box keeps the focus and controls the list; aria-activedescendant marks the active one). */
export function MentionList(props: { entries: PickEntry[]; active: number; query: string; onPick(entry: PickEntry): void }) {
  return (
    <div class="mention-list">
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA combobox pattern; the ask box owns the keyboard. */}
      <ul id={MENTION_LIST_ID} role="listbox" aria-label={t('tabsMentionLabel')}>
        {props.entries.map((e, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: an option of the combobox; the focus stays in the ask box (aria-activedescendant).
          // biome-ignore lint/a11y/useKeyWithClickEvents: the ask box takes the keys for the list (arrows, Enter).
          <li
            key={e.tabId}
            id={mentionOptionId(i)}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the combobox's listbox.
            role="option"
            aria-selected={i === props.active}
            aria-disabled={e.blocked ? 'true' : undefined}
            class={i === props.active ? 'active' : ''}
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={() => !e.blocked && props.onPick(e)}
          >
            <TabLabel entry={e} />
          </li>
        ))}
      </ul>
      {props.entries.length === 0 && (
        <p class="hint" role="status">
          {t('tabsNone', props.query)}
        </p>
      )}
    </div>
  );
}
