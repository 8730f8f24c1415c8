// Stands in for wxt/browser in bench pages that are not extension pages: the English strings.
import en from '../../../public/_locales/en/messages.json';

const messages = en as Record<string, { message: string }>;
export const browser = {
  i18n: {
    getMessage: (key: string, subs: string[] = []) => (messages[key]?.message ?? '').replace(/\$(\d)/g, (_: string, n: string) => subs[Number(n) - 1] ?? ''),
    getUILanguage: () => 'en',
  },
};
