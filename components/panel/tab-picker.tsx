import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { filterEntries, type PickEntry } from '@/utils/sources/tab-pick';
import { revealAbove } from '@/utils/ui/reveal';
import { TabLabel } from './tab-label';

/** "Add tabs": the window's tabs as checkboxes named by their titles, a search box, and "Add". */
export function TabPicker(props: { entries: PickEntry[]; onAdd(picked: PickEntry[]): void; onCancel(): void }) {
  const [query, setQuery] = useState('');
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const shown = filterEntries(props.entries, query);
  const box = useRef<HTMLDivElement>(null);
  // The picker opens in the flow above the ask box, which sticks to the bottom of the view: without this, its
  // "Add" button can open hidden under that box (a click there lands in the question box).
  useEffect(() => {
    const el = box.current;
    const doc = el?.ownerDocument;
    if (el && doc?.defaultView) revealAbove(el, doc.querySelector('.ask-box'), doc.defaultView);
  }, []);
  // From the latest set, not this render's: two boxes ticked before a render both count.
  const toggle = (id: number, on: boolean) =>
    setChecked((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <div ref={box} class="tab-picker" role="group" aria-label={t('tabsPickerLabel')} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <input
        type="text"
        aria-label={t('tabsSearch')}
        placeholder={t('tabsSearch')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      <ul class="tab-list">
        {shown.map((e) => (
          <li key={e.tabId} class={e.blocked ? 'tab-entry blocked' : 'tab-entry'}>
            <label>
              <input
                type="checkbox"
                aria-label={e.title}
                disabled={!!e.blocked}
                checked={checked.has(e.tabId)}
                onChange={(ev) => toggle(e.tabId, (ev.target as HTMLInputElement).checked)}
              />
              <TabLabel entry={e} />
            </label>
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p class="hint" role="status">
          {t('tabsNone', query)}
        </p>
      )}
      <div class="notice-actions">
        <button
          type="button"
          class="primary"
          disabled={!checked.size}
          // Synchronous: the permission request inside must be part of this click (Firefox).
          onClick={() => props.onAdd(props.entries.filter((e) => checked.has(e.tabId) && !e.blocked))}
        >
          {t('tabsAddPicked')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('tabsCancel')}
        </button>
      </div>
    </div>
  );
}
