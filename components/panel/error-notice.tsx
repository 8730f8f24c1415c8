import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { KimiFailure } from '@/utils/kimi/types';
import { describeFailure } from '@/utils/kimi/error-table';
import { largerModelFor } from '@/utils/kimi/larger-model';
import { modelsCacheItem, settingsItem } from '@/utils/storage/items';
import { useStoredValue } from '@/utils/ui/use-stored-value';
import { t } from '@/utils/i18n';
import { saveSettingFromPanel } from '@/utils/panel/save-status';
import { Countdown } from './countdown';

/** A failure in plain words, what to do about it, and the raw detail behind "Details". */
export function ErrorNotice(props: {
  failure: KimiFailure;
  onRetry?(): void;
  onContinue?(): void;
  /** Read the page in parts instead; `parts` says whether that answers a question or summarises. */
  onParts?(): void;
  parts?: 'answer' | 'summary';
}) {
  const info = describeFailure(props.failure);
  const settings = useStoredValue(settingsItem);
  const cache = useStoredValue(modelsCacheItem);
  const [switched, setSwitched] = useState(false);
  const f = props.failure;
  // Several sources: the model that serves them all, found with their plan (tab-ask.ts); one page: the one it fits.
  const fits = f.kind === 'too-long' && f.promptTokens ? largerModelFor(f.promptTokens, f.model ?? '', cache?.models ?? []) : undefined;
  const larger = f.sources ? f.sources.larger : fits;
  const change = (patch: { platform?: 'international' | 'china'; model?: string }) => {
    if (!settings) return;
    void saveSettingFromPanel(() => settingsItem.setValue({ ...settings, ...patch })).then((ok) => ok && setSwitched(true));
  };
  return (
    <div class="error-notice" role="alert">
      <p class="error-title">{info.title}</p>
      <p>{info.advice}</p>
      {switched && <p>{t('errPlatformSwitched')}</p>}
      <div class="error-actions">
        {info.action === 'open-options' && (
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openSettings')}
          </button>
        )}
        {info.action === 'switch-platform' && info.platform && !switched && (
          <button type="button" onClick={() => change({ platform: info.platform })}>
            {t('errSwitchPlatform', t(info.platform === 'china' ? 'platformChina' : 'platformInternational'))}
          </button>
        )}
        {info.action === 'top-up' && info.link && (
          <a class="button" href={info.link} target="_blank" rel="noopener noreferrer">
            {t('errTopUp')}
          </a>
        )}
        {info.action === 'shorten' && larger && !switched && (
          <button type="button" onClick={() => change({ model: larger })}>
            {t('coverageUseLarger', larger)}
          </button>
        )}
        {info.action === 'shorten' && props.onParts && (
          <button type="button" onClick={props.onParts}>
            {t(props.parts === 'answer' ? 'coverageAnswerParts' : 'coverageSummarizeParts')}
          </button>
        )}
        {info.action === 'continue' && props.onContinue && (
          <button type="button" onClick={props.onContinue}>
            {t('panelContinue')}
          </button>
        )}
        {(info.action === 'retry' || info.action === 'wait' || switched) && props.onRetry && (
          <Countdown seconds={switched ? 0 : (info.retryAfterSeconds ?? 0)} onRetry={props.onRetry} />
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
