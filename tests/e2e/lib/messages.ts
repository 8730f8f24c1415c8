// The English UI strings, read from the built-in locale file, so assertions follow the real wording.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Messages = Record<string, { message: string }>;
let cache: Messages | undefined;

/** The English text of `key` with $1..$9 filled in, as the extension shows it. */
export function msg(key: string, ...subs: (string | number)[]): string {
  cache ??= JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Messages;
  const entry = cache[key];
  if (!entry) throw new Error(`no English message "${key}" in public/_locales/en/messages.json`);
  return entry.message.replace(/\$([1-9])/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}
