import type { AskChoice, ModelInfo, ReasoningEffort } from '@/utils/kimi/types';
import type { Settings } from '@/utils/storage/items';
import { modelProfile } from '@/utils/kimi/model-table';
import { effectiveChoice } from '@/utils/kimi/choice';
import { currencyOf, WEB_SEARCH_PRICE } from '@/utils/kimi/prices';
import { formatMoney } from '@/utils/kimi/balance';
import { t, uiLanguage, type MessageKey } from '@/utils/i18n';

const EFFORTS: [ReasoningEffort, MessageKey][] = [
  ['low', 'modelEffortLow'],
  ['high', 'modelEffortHigh'],
  ['max', 'modelEffortMax'],
];

/** "$0.005" on .ai, "¥0.03" on .cn; a custom endpoint may bill either way, so both. */
function searchFee(platform: Settings['platform'], locale: string): string {
  const currency = currencyOf(platform);
  if (currency) return formatMoney(WEB_SEARCH_PRICE[currency], currency, locale);
  return `${formatMoney(WEB_SEARCH_PRICE.USD, 'USD', locale)} / ${formatMoney(WEB_SEARCH_PRICE.CNY, 'CNY', locale)}`;
}

/** The account's models (the worker's cached /v1/models), with the chosen one kept even if the list lacks it. */
function modelList(models: ModelInfo[], current: string): ModelInfo[] {
  const list = [...models].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  return current && !list.some((m) => m.id === current) ? [{ id: current }, ...list] : list;
}

/**
 * The conversation's model, thinking, reasoning effort and web search for the next question. Only what the
 * model allows is offered; a combination it can't do is shown as the request will really be sent.
 */
export function ModelControl(props: { settings: Settings; models: ModelInfo[]; choice?: AskChoice; disabled: boolean; onChange(choice: AskChoice): void }) {
  const { settings, choice } = props;
  const locale = uiLanguage();
  const model = choice?.model || settings.model;
  const listed = props.models.find((m) => m.id === model);
  const profile = modelProfile(model, listed);
  const eff = effectiveChoice(profile, choice, settings.webSearch === true);
  const set = (patch: AskChoice) => props.onChange({ ...choice, ...patch });
  return (
    <div class="model-control" role="group" aria-label={t('modelSettings')}>
      <label class="model-pick">
        {t('modelLabel')}
        <select aria-label={t('modelLabel')} value={model} disabled={props.disabled} onChange={(e) => set({ model: (e.target as HTMLSelectElement).value })}>
          {modelList(props.models, model).map((m) => {
            const context = m.contextLength ?? modelProfile(m.id, m).contextLength;
            return (
              <option key={m.id} value={m.id}>
                {t('modelOption', m.id, Math.round(context / 1024))}
              </option>
            );
          })}
        </select>
      </label>
      {profile.thinking !== 'never' && (
        <label class="check">
          <input
            type="checkbox"
            checked={eff.thinkingOn}
            disabled={props.disabled || profile.thinking === 'always' || eff.note === 'search-turns-thinking-off'}
            onChange={(e) => set({ thinking: (e.target as HTMLInputElement).checked })}
          />
          {t(profile.thinking === 'always' ? 'modelThinkingAlways' : 'modelThinking')}
        </label>
      )}
      {profile.reasoningEffort && (
        <label class="model-effort">
          {t('modelEffort')}
          <select
            aria-label={t('modelEffort')}
            value={eff.reasoningEffort ?? 'max'}
            disabled={props.disabled}
            onChange={(e) => set({ reasoningEffort: (e.target as HTMLSelectElement).value as ReasoningEffort })}
          >
            {EFFORTS.map(([v, key]) => (
              <option key={v} value={v}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={eff.webSearch}
          disabled={props.disabled || eff.note === 'search-not-with-thinking'}
          onChange={(e) => set({ webSearch: (e.target as HTMLInputElement).checked })}
        />
        {t('modelWebSearch', searchFee(settings.platform, locale))}
      </label>
      {eff.note && (
        <p class="hint" role="status">
          {t(eff.note === 'search-turns-thinking-off' ? 'modelSearchTurnsThinkingOff' : 'modelSearchNotWithThinking')}
        </p>
      )}
    </div>
  );
}
