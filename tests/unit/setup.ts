// Shared set-up for unit tests: WXT's fake browser, plus the pieces it leaves
// unimplemented that our code needs (i18n), backed by the real English strings.
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';
import { memoryBackend, useSecretBackend } from '../../utils/storage/secret-store';
import './markdown/happy-dom-node-name';

type Messages = Record<string, { message: string }>;

export function formatMessage(messages: Messages, key: string, subs: string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  return entry.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

Object.assign(fakeBrowser.i18n, {
  getMessage: (key: string, subs?: string | string[]) =>
    formatMessage(en as Messages, key, subs === undefined ? [] : ([] as string[]).concat(subs)),
  getUILanguage: () => 'en',
});

beforeEach(() => {
  fakeBrowser.reset();
  useSecretBackend(memoryBackend());
});
