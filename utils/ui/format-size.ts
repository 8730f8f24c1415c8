import { t, uiLanguage } from '../i18n';
import { sizeParts } from '../panel/document-history';

/** "812 bytes", "14 KB", "2.5 MB" in the user's language. */
export function formatSize(bytes: number): string {
  const { key, value } = sizeParts(bytes, uiLanguage());
  return t(key, value);
}
