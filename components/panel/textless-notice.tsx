import { useState } from 'preact/hooks';
import type { TextlessPages } from '@/utils/sources/types';
import { documentMessage } from '@/utils/documents/messages';
import { pageRanges } from '@/utils/documents/pdf-pages';
import { describeFailure } from '@/utils/kimi/error-table';
import { PAGES_PER_RUN } from '@/utils/panel/textless-pages';
import { t } from '@/utils/i18n';

/**
 * A PDF read with some pages that have no text layer: says which (they are not silently left out) and offers
 * text recognition for just those pages.
 */
export function TextlessNotice(props: { textless: TextlessPages; onRecognise(): Promise<unknown> }) {
  const { pending, empty, failed } = props.textless;
  const [busy, setBusy] = useState(false);
  if (!pending.length && !empty.length && !failed) return null;
  const recognise = async () => {
    setBusy(true);
    try {
      await props.onRecognise();
    } finally {
      setBusy(false);
    }
  };
  const stopped =
    failed &&
    (failed.kimiFailure ? `${describeFailure(failed.kimiFailure).title}. ${describeFailure(failed.kimiFailure).advice}` : documentMessage(failed.failure));
  return (
    <div class="notice document-notice textless-notice" role="status">
      {pending.length > 0 && (
        <>
          <p class="notice-title">{t(pending.length === 1 ? 'docTextlessOne' : 'docTextlessMany', pageRanges(pending))}</p>
          <p>
            {t('docTextlessAdvice')}
            {pending.length > PAGES_PER_RUN && ` ${t('docTextlessRun', String(PAGES_PER_RUN))}`}
          </p>
        </>
      )}
      {stopped && <p>{t('docTextlessStopped', stopped)}</p>}
      {empty.length > 0 && <p>{t('docTextlessEmpty', pageRanges(empty))}</p>}
      {pending.length > 0 && (
        <div class="notice-actions">
          <button type="button" class="primary" disabled={busy} onClick={() => void recognise()}>
            {t(busy ? 'docTextlessRecognising' : 'docTextlessRecognise')}
          </button>
        </div>
      )}
    </div>
  );
}
