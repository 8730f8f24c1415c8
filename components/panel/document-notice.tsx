import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { documentMessage, ocrConsentMessage } from '@/utils/documents/messages';
import type { DocState, PdfReadOptions } from '@/utils/panel/document-read';
import { extensionSettingsUrl, FILE_ORIGINS } from '@/utils/panel/document-file-access';
import { t } from '@/utils/i18n';
import { ErrorNotice } from './error-notice';

/**
 * What stands between the panel and a PDF tab's text: a password, consent to
 * upload a scan for recognition, or a failure with the one thing that fixes it.
 */
export function DocumentNotice(props: { doc: DocState; onRead(opts: PdfReadOptions): void }) {
  const { doc, onRead } = props;
  if (doc.step === 'password') return <PasswordForm wrong={doc.wrong} onSubmit={(password) => onRead({ password })} />;
  if (doc.step === 'consent') {
    return (
      <div class="notice document-notice" role="status">
        <p class="notice-title">{t('docNeedsOcr')}</p>
        <p>{ocrConsentMessage(doc.name)}</p>
        <div class="notice-actions">
          <button type="button" class="primary" onClick={() => onRead({ ocr: true })}>
            {t('docOcrAgree')}
          </button>
        </div>
      </div>
    );
  }
  if (doc.kimiFailure) return <ErrorNotice failure={doc.kimiFailure} onRetry={() => onRead({ ocr: true })} />;
  const { reason } = doc.failure;
  const origin = reason === 'fetch-permission' ? originPattern(doc.url) : undefined;
  const allow = async (origins: string[]) => {
    if (await browser.permissions.request({ origins })) onRead({ fresh: true });
  };
  // "Allow access to file URLs" is a switch only the user can turn on, on Chromium's page for the extension.
  const openSettings = () => void browser.tabs.create({ url: extensionSettingsUrl() });
  return (
    <div class="notice document-notice" role="status">
      <p class="notice-title">{t('docCantRead')}</p>
      <p>{documentMessage(doc.failure)}</p>
      <div class="notice-actions">
        {origin && (
          <button type="button" onClick={() => void allow([origin])}>
            {t('pageAllowSite')}
          </button>
        )}
        {reason === 'file-access' && (
          <button type="button" class="primary" onClick={openSettings}>
            {t('docFileAccessOpen')}
          </button>
        )}
        {reason === 'file-permission' && (
          <button type="button" class="primary" onClick={() => void allow(FILE_ORIGINS)}>
            {t('docFileAllow')}
          </button>
        )}
        {reason !== 'file-unsupported' && (
          <button type="button" onClick={() => onRead({ fresh: true })}>
            {t('pageReadAgain')}
          </button>
        )}
      </div>
      {doc.failure.detail && (
        <details>
          <summary>{t('errorDetails')}</summary>
          <pre>{doc.failure.detail}</pre>
        </details>
      )}
    </div>
  );
}

function PasswordForm(props: { wrong: boolean; onSubmit(password: string): void }) {
  const [value, setValue] = useState('');
  return (
    <form
      class="notice document-notice"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) props.onSubmit(value);
      }}
    >
      <p class="notice-title" role="status">
        {t(props.wrong ? 'docPasswordWrong' : 'docPasswordNeeded')}
      </p>
      <div class="notice-actions">
        <input
          type="password"
          aria-label={t('docPasswordLabel')}
          autocomplete="off"
          value={value}
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="primary">
          {t('docPasswordOpen')}
        </button>
      </div>
    </form>
  );
}

function originPattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.origin}/*` : undefined;
  } catch {
    return undefined;
  }
}
