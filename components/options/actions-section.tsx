import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { actionsItem } from '@/utils/storage/items';
import { errorDetail } from '@/utils/storage/write-errors';
import { useActions } from '@/utils/ui/use-actions';
import { deleteAction, moveAction, resetAction, toStored, USER_ID_PREFIX, type Action } from '@/utils/actions/merge';
import type { ActionDraft } from '@/utils/actions/validate';
import { exportActions, importActions } from '@/utils/actions/transfer';
import { ActionForm } from './action-form';
import { ActionRow } from './action-row';
import { AnswerStyleField } from './answer-style-field';

type Status = { tone: 'ok' | 'error'; text: string } | null;

/** Options → Actions: the built-in and the user's own actions in one list, and "How Kimi should answer". */
export function ActionsSection() {
  const actions = useActions();
  const [editing, setEditing] = useState<Action | 'new' | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const file = useRef<HTMLInputElement>(null);

  const store = async (next: Action[], done?: string): Promise<boolean> => {
    try {
      await actionsItem.setValue(toStored(next, t));
    } catch (e) {
      setStatus({ tone: 'error', text: t('actionsSaveFailed', errorDetail(e)) });
      return false;
    }
    setStatus(done ? { tone: 'ok', text: done } : null);
    return true;
  };

  const save = async (draft: ActionDraft) => {
    const target = editing === 'new' ? undefined : editing;
    const next = target
      ? actions.map((a) => (a.id === target.id ? { ...a, ...draft, edited: !!a.builtin } : a))
      : [...actions, { id: `${USER_ID_PREFIX}${crypto.randomUUID()}`, ...draft, hidden: false, edited: false, mode: 'ask' as const }];
    if (await store(next, t('actionsSaved', draft.name))) setEditing(null);
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([exportActions(actions, t)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'moonlit-actions.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const upload = async (picked: File | undefined) => {
    if (!picked) return;
    const result = importActions(await picked.text(), actions, t);
    if (!result.ok) return setStatus({ tone: 'error', text: t(result.error.key, ...(result.error.subs ?? [])) });
    await store(result.actions, t('actionsImported', result.count));
  };

  return (
    <section class="actions-section" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('actionsTitle')}</h2>
      <p class="help">{t('actionsIntro')}</p>
      <ul class="action-list" aria-label={t('actionsListLabel')}>
        {actions.map((a, i) => (
          <ActionRow
            key={a.id}
            action={a}
            first={i === 0}
            last={i === actions.length - 1}
            onMove={(by) => void store(moveAction(actions, a.id, by))}
            onHidden={(hidden) => void store(actions.map((x) => (x.id === a.id ? { ...x, hidden } : x)))}
            onEdit={() => setEditing(a)}
            onReset={() => void store(resetAction(actions, a.id, t))}
            onDelete={() => void store(deleteAction(actions, a.id))}
          />
        ))}
      </ul>
      {editing ? (
        <ActionForm
          key={editing === 'new' ? 'new' : editing.id}
          actions={actions}
          editing={editing === 'new' ? undefined : editing}
          onSave={(d) => void save(d)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div class="actions">
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('actionsAdd')}
          </button>
          <button type="button" onClick={download}>
            {t('actionsExport')}
          </button>
          <button type="button" onClick={() => file.current?.click()}>
            {t('actionsImport')}
          </button>
          <input
            ref={file}
            type="file"
            accept="application/json,.json"
            hidden
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              void upload(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </div>
      )}
      <p class={`status ${status?.tone ?? ''}`} role="status">
        {status?.text ?? ''}
      </p>
      <AnswerStyleField />
    </section>
  );
}
