import { t } from '@/utils/i18n';

/** Citations on by default: they cost a few tokens per page and let the user check every claim. */
export function CitationsField(props: { checked: boolean; onChange(on: boolean): void }) {
  return (
    <div class="field">
      <label class="check">
        <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)} />
        {t('optionsCitations')}
      </label>
      <p class="help">{t('optionsCitationsHelp')}</p>
    </div>
  );
}
