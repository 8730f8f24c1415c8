import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { Action } from '@/utils/actions/merge';
import { ACTION_CONTEXTS, type ActionContext } from '@/utils/actions/types';
import { hasErrors, validateDraft, type ActionDraft, type FieldError } from '@/utils/actions/validate';

const CONTEXT_LABEL = { page: 'actionsContextPage', selection: 'actionsContextSelection', image: 'actionsContextImage' } as const;

const say = (e?: FieldError) => (e ? t(e.key, ...(e.subs ?? [])) : '');

/** Name, prompt, places and model of one action, checked as the user types; saved only when all is well. */
export function ActionForm(props: { actions: readonly Action[]; editing?: Action; onSave(draft: ActionDraft): void; onCancel(): void }) {
  const e = props.editing;
  const [draft, setDraft] = useState<ActionDraft>({ name: e?.name ?? '', prompt: e?.prompt ?? '', contexts: e?.contexts ?? ['page'], model: e?.model ?? '' });
  // Errors show once a field was touched, or at Save.
  const [shown, setShown] = useState<Set<keyof ActionDraft>>(new Set());
  const errors = validateDraft(draft, props.actions, e?.id);
  const patch = (p: Partial<ActionDraft>) => {
    setDraft((d) => ({ ...d, ...p }));
    setShown((s) => new Set([...s, ...(Object.keys(p) as (keyof ActionDraft)[])]));
  };
  const error = (field: keyof ActionDraft) =>
    shown.has(field) && errors[field] ? (
      <p class="field-error" id={`action-${field}-error`} role="alert">
        {say(errors[field])}
      </p>
    ) : null;
  const invalid = (field: keyof ActionDraft) =>
    shown.has(field) && errors[field] ? { 'aria-invalid': true, 'aria-describedby': `action-${field}-error` } : {};
  const toggle = (c: ActionContext, on: boolean) => patch({ contexts: ACTION_CONTEXTS.filter((x) => (x === c ? on : draft.contexts.includes(x))) });
  return (
    <form
      class="action-form"
      aria-label={e ? t('actionsEditNamed', e.name) : t('actionsAdd')}
      onSubmit={(ev) => {
        ev.preventDefault();
        setShown(new Set(['name', 'prompt', 'contexts', 'model']));
        if (!hasErrors(errors)) props.onSave({ ...draft, name: draft.name.trim(), model: draft.model.trim() });
      }}
    >
      <div class="field">
        <label for="action-name">{t('actionsName')}</label>
        <input id="action-name" value={draft.name} onInput={(ev) => patch({ name: (ev.target as HTMLInputElement).value })} {...invalid('name')} />
        {error('name')}
      </div>
      <div class="field">
        <label for="action-prompt">{t('actionsPrompt')}</label>
        <textarea
          id="action-prompt"
          rows={4}
          value={draft.prompt}
          onInput={(ev) => patch({ prompt: (ev.target as HTMLTextAreaElement).value })}
          {...invalid('prompt')}
        />
        <p class="help">{t('actionsPromptHelp')}</p>
        {error('prompt')}
      </div>
      <fieldset class="field" {...invalid('contexts')}>
        <legend class="label">{t('actionsWhere')}</legend>
        {ACTION_CONTEXTS.map((c) => (
          <label class="check" key={c}>
            <input type="checkbox" checked={draft.contexts.includes(c)} onChange={(ev) => toggle(c, (ev.target as HTMLInputElement).checked)} />
            {t(CONTEXT_LABEL[c])}
          </label>
        ))}
        {error('contexts')}
      </fieldset>
      <div class="field">
        <label for="action-model">{t('actionsModel')}</label>
        <input id="action-model" value={draft.model} onInput={(ev) => patch({ model: (ev.target as HTMLInputElement).value })} {...invalid('model')} />
        <p class="help">{t('actionsModelHelp')}</p>
        {error('model')}
      </div>
      <div class="actions">
        <button type="button" onClick={props.onCancel}>
          {t('actionsCancel')}
        </button>
        <button type="submit" class="primary">
          {t('actionsSave')}
        </button>
      </div>
    </form>
  );
}
