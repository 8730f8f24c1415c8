import type { Platform } from '@/utils/storage/items';
import { WEB_SEARCH_PRICE } from '@/utils/kimi/prices';
import { t } from '@/utils/i18n';

/** "$0.005" on .ai, "¥0.03" on .cn; a custom endpoint may be either, so both. */
export function searchPrice(platform: Platform): string {
  const usd = `$${WEB_SEARCH_PRICE.USD}`;
  const cny = `¥${WEB_SEARCH_PRICE.CNY}`;
  return platform === 'international' ? usd : platform === 'china' ? cny : `${usd} / ${cny}`;
}

/** Kimi's built-in web search: off by default, its price in the label. */
export function WebSearchField(props: { platform: Platform; checked: boolean; onChange(on: boolean): void }) {
  return (
    <div class="field">
      <label class="check">
        <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)} />
        {t('optionsWebSearch', searchPrice(props.platform))}
      </label>
      <p class="help">{t('optionsWebSearchHelp')}</p>
    </div>
  );
}
