import type { TurnFile } from '@/utils/history/turn-files';
import { sizeParts } from '@/utils/panel/document-history';
import { t, uiLanguage, type MessageKey } from '@/utils/i18n';
import './attach-bar.css';

const KIND: Record<TurnFile['kind'], MessageKey> = { text: 'fileKindText', pdf: 'fileKindPdf', office: 'fileKindOffice', image: 'fileKindImage' };

/** The files a question was asked with: name, kind, size, and whether their text is kept with the conversation. */
export function TurnFiles(props: { files?: TurnFile[] }) {
  if (!props.files?.length) return null;
  return (
    <ul class="turn-files" aria-label={t('turnFilesLabel')}>
      {props.files.map((f, i) => {
        const size = sizeParts(f.size, uiLanguage());
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a turn's files never change order, and two may share a name.
          <li key={`${i}-${f.name}`} class="turn-file" data-kept={String(f.kept)}>
            <span class="attach-name">{f.name}</span>
            <span class="turn-file-meta">{`${t(KIND[f.kind])} · ${t(size.key, size.value)}`}</span>
            {!f.kept && <span class="turn-file-note">{t(f.kind === 'image' ? 'turnFileImageNotKept' : 'turnFileTooBig')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
