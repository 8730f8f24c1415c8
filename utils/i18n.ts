import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';

/** Every UI string has a key in public/_locales/en/messages.json (and zh_CN). */
export type MessageKey = keyof typeof en;

/** The translated string for `key`; substitutions fill $1, $2, … */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = browser.i18n.getMessage(key, subs.map(String));
  // An empty result means a missing key; show the key so it gets noticed.
  return text || key;
}

/** The UI language, e.g. "en" or "zh-CN". */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage?.() || 'en';
}

export function applyDocumentLocale(doc: Document): void {
  doc.documentElement.lang = uiLanguage();
}
