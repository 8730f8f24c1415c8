import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { filterEntries, type PickBlock, type PickEntry } from '@/utils/sources/tab-pick';

export const BLOCK_TEXT: Record<PickBlock, Parameters<typeof t>[0]> = {
  'browser-page': 'tabsWhyBrowserPage',
  store: 'tabsWhyStore',
  extension: 'tabsWhyExtension',
  hidden: 'tabsWhyHidden',
  added: 'tabsWhyAdded',
};

/** A tab's favicon (only http(s) and data: images reach here, tab-pick.ts), or its host's first letter. */
export function TabIcon(props: { entry: PickEntry }) {
  const { icon, host } = props.entry;
  return icon ? (
    <img class="tab-icon" src={icon} alt="" width={16} height={16} referrerpolicy="no-referrer" />
  ) : (
    <span class="tab-icon" aria-hidden="true">
      {(host[0] ?? '·').toUpperCase()}
    </span>
  );
}

/** A tab as both lists show it: favicon, title, host, and why it can't be added. */
export function TabLabel(props: { entry: PickEntry }) {
  const e = props.entry;
  return (
    <>
      <TabIcon entry={e} />
      <span class="tab-title">{e.title}</span>
      {e.host && <span class="tab-host">{e.host}</span>}
      {e.blocked && <span class="tab-why">{t(BLOCK_TEXT[e.blocked])}</span>}
    </>
  );
}

/** "Add tabs": the window's tabs as checkboxes named by their titles, a search box, and "Add". */
export function TabPicker(props: { entries: PickEntry[]; onAdd(picked: PickEntry[]): void; onCancel(): void }) {
  const [query, setQuery] = useState('');
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const shown = filterEntries(props.entries, query);
  const toggle = (id: number, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    setChecked(next);
  };
  return (
    <div class="tab-picker" role="group" aria-label={t('tabsPickerLabel')} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
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
