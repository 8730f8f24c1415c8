import { useEffect, useState } from 'preact/hooks';
import type { ConversationMeta, StoredConversation } from '@/utils/history/schema';
import { clearHistory, deleteConversation, listConversations, loadConversation, updateConversation } from '@/utils/history/store';
import { searchConversations } from '@/utils/history/search';
import { conversationToMarkdown } from '@/utils/history/export-markdown';
import { t } from '@/utils/i18n';
import { HistoryItem } from './history-item';
import { historyWriteFailure, HistoryWriteNotice, type HistoryWrite, type HistoryWriteFailure } from './history-write-notice';

/** Past conversations: search, open, rename, export, delete, clear all. */
export function HistoryView(props: { onOpen(c: StoredConversation): void; onClose(): void }) {
  const [items, setItems] = useState<ConversationMeta[] | null>(null);
  const [query, setQuery] = useState('');
  const [failure, setFailure] = useState<HistoryWriteFailure>();
  const refresh = () => void listConversations().then(setItems);
  useEffect(refresh, []);

  /** Runs a write the user asked for; a refusal is said in the list, and the list shows what storage now holds. */
  const write = async (action: HistoryWrite, change: () => Promise<unknown>): Promise<boolean> => {
    try {
      await change();
      setFailure(undefined);
      return true;
    } catch (error) {
      setFailure(historyWriteFailure(action, error));
      return false;
    } finally {
      refresh();
    }
  };

  const open = async (id: string) => {
    const c = await loadConversation(id);
    if (c) props.onOpen(c);
  };
  const exportOne = async (id: string) => {
    const c = await loadConversation(id);
    if (!c) return;
    const md = conversationToMarkdown(c, {
      question: t('exportQuestion'),
      answer: t('exportAnswer'),
      source: t('exportSource'),
      sources: t('tabsExportSources'),
    });
    const url = URL.createObjectURL(new Blob([md], { type: 'text/markdown' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `${(c.name || c.title || 'moonlit').slice(0, 60)}.md` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const clearAll = async () => {
    if (!confirm(t('historyClearConfirm'))) return;
    await write('clear', clearHistory);
  };

  const shown = items ? searchConversations(items, query) : [];
  return (
    <section class="history" aria-label={t('historyTitle')}>
      <div class="history-bar">
        <input
          type="search"
          aria-label={t('historySearch')}
          placeholder={t('historySearch')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <button type="button" onClick={props.onClose}>
          {t('historyBack')}
        </button>
      </div>
      <HistoryWriteNotice failure={failure} />
      {items === null && <p class="empty-hint">{t('historyLoading')}</p>}
      {items?.length === 0 && <p class="empty-hint">{t('historyEmpty')}</p>}
      {items && items.length > 0 && shown.length === 0 && <p class="empty-hint">{t('historyNoMatch')}</p>}
      <ul class="history-list">
        {shown.map((item) => (
          <HistoryItem
            key={item.id}
            item={item}
            onOpen={() => void open(item.id)}
            onExport={() => void exportOne(item.id)}
            onRename={(name) => write('rename', () => updateConversation(item.id, (c) => ({ ...c, name })))}
            onDelete={() => void write('delete', () => deleteConversation(item.id))}
          />
        ))}
      </ul>
      {items && items.length > 0 && (
        <button type="button" class="danger" onClick={() => void clearAll()}>
          {t('historyClearAll')}
        </button>
      )}
    </section>
  );
}
