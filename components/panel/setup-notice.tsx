import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';

/** Shown until an API key is saved: the one thing a new user has to do. */
export function SetupNotice() {
  return (
    <div class="notice" role="note">
      <p>{t('panelNeedsKey')}</p>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openSettings')}
      </button>
    </div>
  );
}
