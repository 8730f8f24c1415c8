import { useState } from 'preact/hooks';
import type { ConversationMeta } from '@/utils/history/schema';
import { t, uiLanguage } from '@/utils/i18n';

export function HistoryItem(props: {
  item: ConversationMeta;
  onOpen(): void;
  onExport(): void;
  /** Resolves false when storage refused the new name: the form stays open with it, to try again. */
  onRename(name: string): Promise<boolean>;
  onDelete(): void;
}) {
  const { item } = props;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(item.name || item.title);
  const label = item.name || item.title || item.url;
  const when = new Date(item.updatedAt).toLocaleString(uiLanguage());
  return (
    <li class="history-item">
      {renaming ? (
        <form
          class="rename"
          onSubmit={(e) => {
            e.preventDefault();
            void props.onRename(name.trim()).then((saved) => saved && setRenaming(false));
          }}
        >
          <input aria-label={t('historyRenameLabel')} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
          <button type="submit">{t('historySaveName')}</button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <button type="button" class="history-open" onClick={props.onOpen}>
          <span class="history-name">{label}</span>
          <span class="history-meta">{t('historyMeta', item.turnCount, when)}</span>
          {item.sources?.length ? <span class="history-sources">{t('tabsHistorySources', item.sources.map((x) => x.title || x.url).join(' · '))}</span> : null}
        </button>
      )}
      <div class="history-actions">
        <button type="button" onClick={() => setRenaming(true)} aria-label={t('historyRenameNamed', label)}>
          {t('historyRename')}
        </button>
        <button type="button" onClick={props.onExport} aria-label={t('historyExportNamed', label)}>
          {t('historyExport')}
        </button>
        <button type="button" onClick={props.onDelete} aria-label={t('historyDeleteNamed', label)}>
          {t('historyDelete')}
        </button>
      </div>
    </li>
  );
}
