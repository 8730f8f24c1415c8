import { t } from '@/utils/i18n';
import type { Action } from '@/utils/actions/merge';

export const SLASH_LIST_ID = 'slash-actions';
export const slashOptionId = (i: number) => `slash-action-${i}`;

/** The listbox of a slash command (the ask box controls it, aria-activedescendant marks the active one). */
export function SlashList(props: { actions: Action[]; active: number; query: string; onPick(action: Action): void }) {
  return (
    <div class="slash-list">
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA combobox pattern; the ask box owns the keyboard. */}
      <ul id={SLASH_LIST_ID} role="listbox" aria-label={t('actionsSlashLabel')}>
        {props.actions.map((a, i) => (
          // biome-ignore lint/a11y/useFocusableInteractive: an option of the combobox; the focus stays in the ask box (aria-activedescendant).
          // biome-ignore lint/a11y/useKeyWithClickEvents: the ask box takes the keys for the list (arrows, Enter).
          <li
            key={a.id}
            id={slashOptionId(i)}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the combobox's listbox.
            role="option"
            aria-selected={i === props.active}
            class={i === props.active ? 'active' : ''}
            // The focus stays in the ask box.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => props.onPick(a)}
          >
            {a.name}
          </li>
        ))}
      </ul>
      {props.actions.length === 0 && (
        <p class="hint" role="status">
          {t('actionsSlashNone', props.query)}
        </p>
      )}
    </div>
  );
}
