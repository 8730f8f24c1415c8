import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { percentOf } from '@/utils/storage/budget';
import { formatSize as size } from '@/utils/ui/format-size';
import type { StorageHealth } from './use-storage-health';

/**
 * A write that failed (persistent, until a later write of the same thing works), or a budget nearly used up.
 * The conversation stays on screen either way: it is in memory and written again once there is room.
 */
export function StorageNotice(props: { health: StorageHealth }) {
  const { failure, level, used, budget } = props.health;
  if (!failure && level === 'ok') return null;
  const open = (
    <div class="notice-actions">
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('storageOpenOptions')}
      </button>
    </div>
  );
  if (failure) {
    return (
      <div class="error-notice storage-notice" role="alert" data-storage="failed">
        <p class="error-title">{t(failure.quota ? 'storageSaveFailedFull' : 'storageSaveFailed')}</p>
        <p>{failure.quota ? t('storageSaveFailedFullAdvice') : t('storageSaveFailedAdvice', failure.detail)}</p>
        {open}
      </div>
    );
  }
  return (
    <div class="notice storage-notice" role="status" data-storage={level}>
      <p>{level === 'over' ? t('storageOverBudget', size(used), size(budget)) : t('storageNearlyFull', percentOf(used, budget), size(used), size(budget))}</p>
      {open}
    </div>
  );
}
