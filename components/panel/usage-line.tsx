import type { Turn } from '@/utils/panel/conversation';
import type { ToolUse } from '@/utils/kimi/types';
import { balanceCacheItem, settingsItem } from '@/utils/storage/items';
import { useStoredValue } from '@/utils/ui/use-stored-value';
import { apiBase } from '@/utils/kimi/endpoint';
import { currencyOf } from '@/utils/kimi/prices';
import { formatMoney, isLow } from '@/utils/kimi/balance';
import { turnCostText } from '@/utils/panel/cost-text';
import { t, uiLanguage } from '@/utils/i18n';

function toolLine(tools: ToolUse[]): string {
  const seen = new Set<string>();
  for (const use of tools) {
    if (use.refused) seen.add(t('panelToolRefused', use.name));
    else if (use.name === 'calculator') seen.add(use.detail ? t('panelToolCalculated', use.detail) : t('panelToolOther', use.name));
    else if (use.name === '$web_search') seen.add(t('panelToolSearched'));
    else seen.add(t('panelToolOther', use.name));
  }
  return [...seen].join(' · ');
}

/** Which model answered, what it cost in tokens and money (or "price unknown"), tools it used, and a low-balance warning. */
export function UsageLine(props: { turn: Turn & { tools?: ToolUse[] }; last?: boolean }) {
  const settings = useStoredValue(settingsItem);
  const balance = useStoredValue(balanceCacheItem);
  const { model, usage, tools } = props.turn;
  const locale = uiLanguage();
  const parts = [model];
  if (usage) {
    parts.push(t('usageTokens', usage.promptTokens, usage.completionTokens));
    if (usage.cachedTokens) parts.push(t('usageCached', usage.cachedTokens));
    parts.push(turnCostText(props.turn, currencyOf(settings?.platform), locale));
  }
  const low =
    props.last && settings && balance && balance.available !== null && balance.base === apiBase(settings) && isLow(balance.available, balance.currency);
  if (!model && !usage && !low) return null;
  return (
    <>
      {tools && tools.length > 0 && <p class="usage tools-used">{toolLine(tools)}</p>}
      <p class="usage">{parts.filter(Boolean).join(' · ')}</p>
      {low && (
        <p class="usage low-balance" role="status">
          {t('panelLowBalance', formatMoney(balance.available!, balance.currency, locale))}
        </p>
      )}
    </>
  );
}
