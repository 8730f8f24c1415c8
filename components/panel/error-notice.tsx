import { browser } from 'wxt/browser';
import type { KimiFailure } from '@/utils/messaging/types';
import { describeFailure } from '@/utils/kimi/error-table';
import { t } from '@/utils/i18n';
import { Countdown } from './countdown';

/** A failure in plain words, what to do about it, and the raw detail behind "Details". */
export function ErrorNotice(props: { failure: KimiFailure; onRetry?(): void; onContinue?(): void }) {
  const info = describeFailure(props.failure);
  return (
    <div class="error-notice" role="alert">
      <p class="error-title">{info.title}</p>
      <p>{info.advice}</p>
      <div class="error-actions">
        {info.action === 'open-options' && (
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('openSettings')}</button>
        )}
        {info.action === 'continue' && props.onContinue && (
          <button type="button" onClick={props.onContinue}>{t('panelContinue')}</button>
        )}
        {(info.action === 'retry' || info.action === 'wait') && props.onRetry && (
          <Countdown seconds={info.retryAfterSeconds ?? 0} onRetry={props.onRetry} />
        )}
      </div>
      {info.details && (
        <details>
          <summary>{t('errorDetails')}</summary>
          <pre>{info.details}</pre>
        </details>
      )}
    </div>
  );
}
