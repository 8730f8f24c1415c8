import { useMemo } from 'preact/hooks';
import type { AskChoice, ModelInfo } from '@/utils/kimi/types';
import type { PageContent } from '@/utils/sources/types';
import type { Settings } from '@/utils/storage/items';
import type { Turn } from '@/utils/panel/conversation';
import { modelProfile } from '@/utils/kimi/model-table';
import { effectiveChoice } from '@/utils/kimi/choice';
import { outputCap } from '@/utils/kimi/request';
import { currencyOf } from '@/utils/kimi/prices';
import { pageCoverage } from '@/utils/panel/coverage';
import { nextCostText, totalCostText } from '@/utils/panel/cost-text';
import { historyTokens as estimateHistory } from '@/utils/panel/history-tokens';
import { uiLanguage } from '@/utils/i18n';

/**
 * Under the ask box: what the next question will cost (the page and history at the model's input price, the
 * answer as a range up to the cap the request will carry) and what this conversation has cost so far.
 */
export function CostLine(props: { settings: Settings; models: ModelInfo[]; choice?: AskChoice; page?: PageContent; turns: Turn[] }) {
  const { settings, choice, page, turns } = props;
  const locale = uiLanguage();
  const model = choice?.model || settings.model;
  const currency = currencyOf(settings.platform);
  const pageTokens = useMemo(() => (page && model ? pageCoverage(page, model, props.models).tokens : 0), [page, model, props.models]);
  const historyTokens = estimateHistory(turns);
  const total = useMemo(() => totalCostText(turns, currency, locale), [turns, currency, locale]);
  if (!model) return null;
  const profile = modelProfile(
    model,
    props.models.find((m) => m.id === model),
  );
  const eff = effectiveChoice(profile, choice, settings.webSearch === true);
  const prompt = pageTokens + historyTokens;
  const next = nextCostText(model, prompt, outputCap(profile, prompt, eff.thinkingOn), currency, eff.webSearch, locale);
  return (
    <div class="cost-line" aria-live="polite">
      <p class="usage cost-next">{next}</p>
      {total && <p class="usage cost-total">{total}</p>}
    </div>
  );
}
