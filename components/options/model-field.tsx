import type { ModelInfo } from '@/utils/kimi/types';
import { t } from '@/utils/i18n';

/** The model list from GET /v1/models, with a note on why the default was chosen. */
export function ModelField(props: { models: ModelInfo[]; model: string; note: string; onModel(id: string): void }) {
  const { models, model } = props;
  const missing = model && models.length > 0 && !models.some((m) => m.id === model);
  return (
    <div class="field">
      <label for="model">{t('optionsModel')}</label>
      <select id="model" value={model} disabled={models.length === 0 && !model} onChange={(e) => props.onModel((e.target as HTMLSelectElement).value)}>
        {models.length === 0 && !model && <option value="">{t('optionsModelNone')}</option>}
        {missing && <option value={model}>{t('optionsModelGone', model)}</option>}
        {models.length === 0 && model && <option value={model}>{model}</option>}
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.contextLength ? t('optionsModelOption', m.id, Math.round(m.contextLength / 1024)) : m.id}
          </option>
        ))}
      </select>
      {missing && (
        <p class="warning" role="alert">
          {t('optionsModelGoneHelp', model)}
        </p>
      )}
      {props.note && <p class="help">{props.note}</p>}
    </div>
  );
}
