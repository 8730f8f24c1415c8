import { useEffect, useRef } from 'preact/hooks';
import { ocrConsentMessage } from '@/utils/documents/messages';
import type { AttachItem } from '@/utils/panel/document-attach';
import { t } from '@/utils/i18n';
import type { Attachments } from './attach-state';
import { AttachChip } from './attach-chip';
import './attach-bar.css';

/**
 * "Attach files", "Ask about what I see", the attached items, and — when one
 * of them needs it — the consent to upload to Kimi or the choice of a model
 * that sees images. Files can also be dropped anywhere on the panel.
 */
export function AttachBar(props: { attach: Attachments; tabId: number | undefined }) {
  const { attach } = props;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => listenForDrops(attach.addFiles), [attach.addFiles]);
  const waiting = attach.items.filter((i) => i.status === 'needs-upload');
  const images = attach.items.filter((i) => i.status === 'image');
  return (
    <div class="attach-bar">
      <div class="attach-actions">
        <button type="button" onClick={() => input.current?.click()}>
          {t('attachFiles')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label={t('attachFiles')}
          onChange={(e) => {
            const el = e.target as HTMLInputElement;
            attach.addFiles([...(el.files ?? [])]);
            el.value = ''; // the same file can be picked again
          }}
        />
        <button type="button" disabled={props.tabId === undefined} onClick={() => void attach.addScreenshot(props.tabId!)}>
          {t('attachSeeing')}
        </button>
      </div>
      {attach.items.length > 0 && (
        <ul class="attach-list" aria-label={t('attachListLabel')}>
          {attach.items.map((item) => (
            <AttachChip key={item.id} item={item} attach={attach} />
          ))}
        </ul>
      )}
      {waiting.length > 0 && <ConsentNotice items={waiting} onAgree={() => void attach.upload()} />}
      {images.length > 0 && !attach.imagesOk && (
        <div class="notice attach-notice" role="status">
          <p class="notice-title">{t('attachNoVision', attach.model ?? '')}</p>
          <p>{ocrConsentMessage(images.map((i) => i.name).join(', '))}</p>
          <div class="notice-actions">
            {attach.vision && (
              <button type="button" onClick={() => void attach.switchModel(attach.vision!)}>
                {t('attachSwitchModel', attach.vision)}
              </button>
            )}
            <button type="button" onClick={() => void attach.upload(true)}>
              {t('attachReadImageText')}
            </button>
          </div>
        </div>
      )}
      {attach.hint && (
        <p class="hint" role="status">
          {attach.hint}
        </p>
      )}
      {attach.hint && attach.captureDetail && (
        <details>
          <summary>{t('errorDetails')}</summary>
          <pre>{attach.captureDetail}</pre>
        </details>
      )}
    </div>
  );
}

function ConsentNotice(props: { items: AttachItem[]; onAgree(): void }) {
  return (
    <div class="notice attach-notice" role="status">
      <p class="notice-title">{t('attachConsentTitle')}</p>
      <p>{ocrConsentMessage(props.items.map((i) => i.name).join(', '))}</p>
      <div class="notice-actions">
        <button type="button" class="primary" onClick={props.onAgree}>
          {t('attachUploadAgree')}
        </button>
      </div>
    </div>
  );
}

/** Files dropped anywhere on the panel are attached; anything else dropped is left to the browser. */
function listenForDrops(add: (files: File[]) => void): () => void {
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  const over = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // without this the browser would open the file in place of the panel
    e.dataTransfer!.dropEffect = 'copy';
  };
  const drop = (e: DragEvent) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    add([...e.dataTransfer!.files]);
  };
  document.addEventListener('dragover', over);
  document.addEventListener('drop', drop);
  return () => {
    document.removeEventListener('dragover', over);
    document.removeEventListener('drop', drop);
  };
}
