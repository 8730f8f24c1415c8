import { useState } from 'preact/hooks';
import { asksForPassword, documentMessage } from '@/utils/documents/messages';
import type { AttachItem } from '@/utils/panel/document-attach';
import { t, uiLanguage } from '@/utils/i18n';
import type { Attachments } from './attach-state';
import { ErrorNotice } from './error-notice';

/** One attached item: its name, what became of it, and "Remove". */
export function AttachChip(props: { item: AttachItem; attach: Attachments }) {
  const { item, attach } = props;
  return (
    <li class="attach-item" data-status={item.status}>
      <span class="attach-name">{item.name}</span>
      <span class="attach-state">{stateText(item)}</span>
      <button type="button" aria-label={t('attachRemove', item.name)} onClick={() => attach.remove(item.id)}>
        ×
      </button>
      {item.status === 'failed' && item.failure && asksForPassword(item.failure.reason) && item.file && (
        <PasswordField name={item.name} onSubmit={(pw) => void attach.readFile(item.id, item.file!, pw)} />
      )}
      {item.kimiFailure && <ErrorNotice failure={item.kimiFailure} />}
    </li>
  );
}

function stateText(item: AttachItem): string {
  const n = (v: number) => v.toLocaleString(uiLanguage());
  switch (item.status) {
    case 'reading':
      return t('attachReading');
    case 'ready':
      return t(item.restored ? 'attachRestored' : 'attachReady', n(item.text?.length ?? 0));
    case 'image':
      return t('attachImage', n(item.tokens ?? 0));
    case 'needs-upload':
      return t('attachNeedsUpload');
    case 'uploading':
      return t('attachUploading');
    case 'failed':
      return item.failure ? documentMessage(item.failure) : '';
  }
}

function PasswordField(props: { name: string; onSubmit(password: string): void }) {
  const [value, setValue] = useState('');
  return (
    <form
      class="attach-password"
      onSubmit={(e) => {
        e.preventDefault();
        if (value) props.onSubmit(value);
      }}
    >
      <input
        type="password"
        autocomplete="off"
        aria-label={t('attachPasswordFor', props.name)}
        value={value}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
      />
      <button type="submit">{t('docPasswordOpen')}</button>
    </form>
  );
}
