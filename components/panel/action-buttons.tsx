import { t } from '@/utils/i18n';
import type { Action } from '@/utils/actions/merge';
import { summarizePage } from '@/utils/actions/builtin/summarize-page';

/** The header's own Summarize button is this action: not shown twice. */
const IN_HEADER = summarizePage.id;

/** The visible actions as quick buttons above the question box. */
export function ActionButtons(props: { actions: readonly Action[]; busy: boolean; onRun(action: Action): void }) {
  const shown = props.actions.filter((a) => !a.hidden && a.id !== IN_HEADER);
  if (shown.length === 0) return null;
  return (
    <div class="action-buttons" role="group" aria-label={t('actionsPanelLabel')}>
      {shown.map((a) => (
        <button type="button" key={a.id} disabled={props.busy} data-action-id={a.id} onClick={() => props.onRun(a)}>
          {a.name}
        </button>
      ))}
    </div>
  );
}
