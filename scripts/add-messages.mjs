#!/usr/bin/env node
// Adds or updates UI strings in both locales at once.
// Usage: node scripts/add-messages.mjs strings.json
//   where strings.json is {"key": ["English text", "中文文本"], …}
// Run it under `flock /tmp/moonlit-locales.lock` when several people edit at once.
import { readFileSync, writeFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const [locale, index] of [
  ['en', 0],
  ['zh_CN', 1],
]) {
  const file = new URL(`../public/_locales/${locale}/messages.json`, import.meta.url);
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, texts] of Object.entries(input)) {
    if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`bad message key: ${key}`);
    messages[key] = { message: texts[index] };
  }
  const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, JSON.stringify(sorted, null, 2) + '\n');
}
console.log(`updated ${Object.keys(input).length} message(s)`);
