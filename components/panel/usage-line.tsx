import type { Turn } from '@/utils/panel/conversation';
import { t } from '@/utils/i18n';

/** Which model answered and what it cost in tokens. */
export function UsageLine(props: { turn: Turn }) {
  const { model, usage } = props.turn;
  if (!model && !usage) return null;
  const parts = [model];
  if (usage) {
    parts.push(t('usageTokens', usage.promptTokens, usage.completionTokens));
    if (usage.cachedTokens) parts.push(t('usageCached', usage.cachedTokens));
  }
  return <p class="usage">{parts.filter(Boolean).join(' · ')}</p>;
}
