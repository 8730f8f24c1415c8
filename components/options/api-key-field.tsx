import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

/** Password field with show/hide. A saved key is never shown again, only its last 4 characters. */
export function ApiKeyField(props: { value: string; savedHint: string; onInput(value: string): void }) {
  const [shown, setShown] = useState(false);
  return (
    <div class="field">
      <label for="api-key">{t('optionsApiKey')}</label>
      <div class="row">
        <input
          id="api-key"
          type={shown ? 'text' : 'password'}
          autocomplete="off"
          spellcheck={false}
          value={props.value}
          placeholder={props.savedHint ? t('optionsKeySavedPlaceholder', `…${props.savedHint}`) : 'sk-…'}
          onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
        />
        <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? t('optionsHideKey') : t('optionsShowKey')}
        </button>
      </div>
      <p class="help">{props.savedHint ? t('optionsKeySavedHelp', `…${props.savedHint}`) : t('optionsKeyHelp')}</p>
    </div>
  );
}
