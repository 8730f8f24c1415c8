import { t, type MessageKey } from '@/utils/i18n';

/** Languages offered by name in their own script, so anyone can find theirs. */
export const ANSWER_LANGUAGES: [string, string][] = [
  ['en', 'English'],
  ['zh-CN', '简体中文'],
  ['zh-TW', '繁體中文'],
  ['ja', '日本語'],
  ['ko', '한국어'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
];

export function LanguageField(props: { value: string; onChange(value: string): void }) {
  const auto: MessageKey = 'optionsLanguageAuto';
  return (
    <div class="field">
      <label for="answer-language">{t('optionsLanguage')}</label>
      <select id="answer-language" value={props.value} onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}>
        <option value="auto">{t(auto)}</option>
        {ANSWER_LANGUAGES.map(([tag, name]) => (
          <option key={tag} value={tag}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
