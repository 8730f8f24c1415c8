import type { Platform } from '@/utils/storage/items';
import { t } from '@/utils/i18n';
import { sendsKeyInClear } from '@/utils/kimi/endpoint';

export function PlatformField(props: { platform: Platform; endpoint: string; onPlatform(p: Platform): void; onEndpoint(url: string): void }) {
  return (
    <>
      <div class="field">
        <label for="platform">{t('optionsPlatform')}</label>
        <select id="platform" value={props.platform} onChange={(e) => props.onPlatform((e.target as HTMLSelectElement).value as Platform)}>
          <option value="international">{t('platformInternational')}</option>
          <option value="china">{t('platformChina')}</option>
          <option value="custom">{t('platformCustom')}</option>
        </select>
        <p class="help">{t('optionsPlatformHelp')}</p>
      </div>
      {props.platform === 'custom' && (
        <div class="field">
          <label for="endpoint">{t('optionsEndpoint')}</label>
          <input
            id="endpoint"
            type="url"
            spellcheck={false}
            placeholder="https://my-proxy.example/v1"
            value={props.endpoint}
            onInput={(e) => props.onEndpoint((e.target as HTMLInputElement).value)}
          />
          <p class="help">{t('optionsEndpointHelp')}</p>
          {sendsKeyInClear(props.endpoint) && (
            <p class="warning" role="alert">
              {t('optionsEndpointClearText')}
            </p>
          )}
        </div>
      )}
    </>
  );
}
