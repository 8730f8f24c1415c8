import type { ComponentChildren } from 'preact';

/**
 * The listbox of a combobox the ask box controls (`/` actions, `@` tabs): the focus stays in the box, which takes
 * the keys (arrows, Enter, Escape) and marks the active option with aria-activedescendant.
 */
export function ComboList<T>(props: {
  class: string;
  listId: string;
  optionId: (i: number) => string;
  label: string;
  items: T[];
  active: number;
  itemKey: (item: T) => string | number;
  disabled?: (item: T) => boolean;
  render: (item: T) => ComponentChildren;
  onPick(item: T): void;
  /** Said when nothing matches. */
  empty: string;
}) {
  return (
    <div class={props.class}>
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA combobox pattern; the ask box owns the keyboard. */}
      <ul id={props.listId} role="listbox" aria-label={props.label}>
        {props.items.map((item, i) => {
          const off = props.disabled?.(item) ?? false;
          return (
            // biome-ignore lint/a11y/useFocusableInteractive: an option of the combobox; the focus stays in the ask box (aria-activedescendant).
            // biome-ignore lint/a11y/useKeyWithClickEvents: the ask box takes the keys for the list (arrows, Enter).
            <li
              key={props.itemKey(item)}
              id={props.optionId(i)}
              // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an option of the combobox's listbox.
              role="option"
              aria-selected={i === props.active}
              aria-disabled={off ? 'true' : undefined}
              class={i === props.active ? 'active' : ''}
              // The focus stays in the ask box.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => !off && props.onPick(item)}
            >
              {props.render(item)}
            </li>
          );
        })}
      </ul>
      {props.items.length === 0 && (
        <p class="hint" role="status">
          {props.empty}
        </p>
      )}
    </div>
  );
}
