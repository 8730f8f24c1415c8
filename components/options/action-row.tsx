import { t } from '@/utils/i18n';
import type { Action } from '@/utils/actions/merge';

/** One action in the list, with its buttons; each says which action it is for a screen reader. */
export function ActionRow(props: {
  action: Action;
  first: boolean;
  last: boolean;
  onMove(by: -1 | 1): void;
  onHidden(hidden: boolean): void;
  onEdit(): void;
  onReset(): void;
  onDelete(): void;
}) {
  const a = props.action;
  return (
    <li class={a.hidden ? 'action-row hidden' : 'action-row'} data-action-id={a.id}>
      <span class="action-name">{a.name}</span>
      {a.builtin && <span class="tag">{t('actionsBuiltin')}</span>}
      {a.hidden && <span class="tag">{t('actionsHidden')}</span>}
      <span class="action-buttons">
        <button type="button" disabled={props.first} aria-label={t('actionsUpNamed', a.name)} title={t('actionsUp')} onClick={() => props.onMove(-1)}>
          ↑
        </button>
        <button type="button" disabled={props.last} aria-label={t('actionsDownNamed', a.name)} title={t('actionsDown')} onClick={() => props.onMove(1)}>
          ↓
        </button>
        <button type="button" aria-label={a.hidden ? t('actionsShowNamed', a.name) : t('actionsHideNamed', a.name)} onClick={() => props.onHidden(!a.hidden)}>
          {a.hidden ? t('actionsShow') : t('actionsHide')}
        </button>
        <button type="button" aria-label={t('actionsEditNamed', a.name)} onClick={props.onEdit}>
          {t('actionsEdit')}
        </button>
        {a.builtin ? (
          a.edited && (
            <button type="button" aria-label={t('actionsResetNamed', a.name)} onClick={props.onReset}>
              {t('actionsReset')}
            </button>
          )
        ) : (
          <button type="button" aria-label={t('actionsDeleteNamed', a.name)} onClick={props.onDelete}>
            {t('actionsDelete')}
          </button>
        )}
      </span>
    </li>
  );
}
