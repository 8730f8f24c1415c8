import { t } from '@/utils/i18n';

/** Enough for one line; the rest is cut by CSS with an ellipsis (a long selection is never put whole in the DOM). */
const MAX_SHOWN = 300;

/** The selection that goes with the next question, above the question box, with a × to leave it out. */
export function SelectionLine(props: { selection: string; onDrop: () => void }) {
  if (!props.selection) return null;
  const quote = props.selection
    .slice(0, MAX_SHOWN * 2)
    .replace(/\s+/g, ' ')
    .slice(0, MAX_SHOWN);
  return (
    <p class="selection-line" role="status">
      <span class="selection-quote">{t('selectionShownQuote', quote)}</span>{' '}
      <button type="button" aria-label={t('selectionShownDrop')} title={t('selectionShownDrop')} onClick={props.onDrop}>
        ×
      </button>
    </p>
  );
}
