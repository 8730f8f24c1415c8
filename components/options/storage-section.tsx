import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { clearDocCache, DOC_CACHE_MAX_BYTES } from '@/utils/documents/doc-cache';
import { levelOf, percentOf } from '@/utils/storage/budget';
import { errorDetail } from '@/utils/storage/write-errors';
import { formatSize as size } from '@/utils/ui/format-size';
import { useStorageReport } from './use-storage-report';
import { StorageDelete } from './storage-delete';

/**
 * Options → Storage: what Moonlit keeps and how close it is to its budget, and the user's choice of what to
 * delete. Outside the settings form: nothing here waits for Save.
 */
export function StorageSection() {
  const { report, error, refresh } = useStorageReport();
  const [note, setNote] = useState('');
  const usage = report?.usage;
  const level = usage ? levelOf(usage.local, usage.budget) : 'ok';

  const clearDocuments = async () => {
    try {
      await clearDocCache();
      setNote(t('storageDocumentsCleared'));
    } catch (e) {
      setNote(t('storageDeleteFailed', errorDetail(e)));
    }
    await refresh();
  };

  return (
    <section class="storage" aria-labelledby="storage-title" aria-busy={!report && !error}>
      <h2 id="storage-title">{t('storageTitle')}</h2>
      <p class="help">{t('storageIntro', size(usage?.budget ?? 0))}</p>
      {error && (
        <p class="warning" role="alert">
          {t('storageMeasureFailed', error)}
        </p>
      )}
      {usage && (
        <>
          <ul class="storage-usage" data-role="storage-usage">
            <li data-part="conversations">{t('storageConversations', report.conversations.length, size(usage.conversations))}</li>
            <li data-part="settings">{t('storageSettings', size(usage.settings))}</li>
            <li data-part="documents">{t('storageDocuments', size(usage.documents), size(DOC_CACHE_MAX_BYTES))}</li>
            <li data-part="total" data-bytes={usage.local} data-budget={usage.budget}>
              {t('storageTotal', size(usage.local), size(usage.budget), percentOf(usage.local, usage.budget))}
            </li>
            {usage.quota !== undefined && <li data-part="quota">{t('storageBrowserLimit', size(usage.quota))}</li>}
          </ul>
          <meter
            min={0}
            max={usage.budget}
            low={usage.budget * 0.9}
            high={usage.budget * 0.9}
            optimum={0}
            value={Math.min(usage.local, usage.budget)}
            aria-label={t('storageMeterLabel')}
          />
          {level !== 'ok' && (
            <p class="warning" role="status">
              {t(level === 'over' ? 'storageOver' : 'storageNear')}
            </p>
          )}
          <StorageDelete report={report} onDone={refresh} />
          <div class="actions">
            <button type="button" onClick={() => void clearDocuments()} disabled={usage.documents === 0}>
              {t('storageClearDocuments')}
            </button>
          </div>
          <p class="status" role="status">
            {note}
          </p>
        </>
      )}
    </section>
  );
}
