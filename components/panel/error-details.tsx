import { t } from '@/utils/i18n';

/** The technical detail of a failure, folded away under "Details". */
export function ErrorDetails(props: { detail?: string }) {
  if (!props.detail) return null;
  return (
    <details>
      <summary>{t('errorDetails')}</summary>
      <pre>{props.detail}</pre>
    </details>
  );
}
