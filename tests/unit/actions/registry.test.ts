// The built-in actions' registry against its folder, the locales, the menus and the manifest.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ACTIONS } from '../../../utils/actions/builtin';
import { buildManifest } from '../../../utils/manifest';
import { parseTemplate } from '../../../utils/actions/template';

const folder = resolve('utils/actions/builtin');
const en = JSON.parse(readFileSync(resolve('public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const zh = JSON.parse(readFileSync(resolve('public/_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('built-in action registry', () => {
  it('lists every file of the folder once, each named after its id, and nothing else', () => {
    const files = readdirSync(folder)
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(BUILTIN_ACTIONS.map((a) => a.id).sort()).toEqual(files);
    expect(new Set(BUILTIN_ACTIONS.map((a) => a.id)).size).toBe(BUILTIN_ACTIONS.length);
    for (const a of BUILTIN_ACTIONS) expect(readFileSync(resolve(folder, `${a.id}.ts`), 'utf8')).toContain(`id: '${a.id}'`);
  });

  it('keeps the ids and command names users and tests rely on', () => {
    expect(BUILTIN_ACTIONS.map((a) => a.id)).toEqual([
      'summarize-page',
      'explain-selection',
      'translate-selection',
      'summarize-selection',
      'ask-selection',
      'ask-image',
    ]);
    expect(BUILTIN_ACTIONS.filter((a) => a.command).map((a) => a.id)).toEqual(['summarize-page', 'ask-selection']);
  });

  it('has every title, name and prompt in both languages, and every prompt is a valid template', () => {
    for (const a of BUILTIN_ACTIONS) {
      for (const key of [a.name, a.menuTitle, a.prompt, a.command?.description].filter(Boolean) as string[]) {
        expect(en[key]?.message, `${a.id}: ${key}`).toBeTruthy();
        expect(zh[key]?.message, `${a.id}: ${key} (zh_CN)`).toBeTruthy();
      }
      expect(parseTemplate(en[a.prompt].message).ok, a.id).toBe(true);
      expect(parseTemplate(zh[a.prompt].message).ok, `${a.id} (zh_CN)`).toBe(true);
      expect(a.contexts.length).toBeGreaterThan(0);
    }
  });

  it("the manifest declares exactly the registry's commands, with their keys and descriptions", () => {
    for (const browser of ['chrome', 'firefox']) {
      const commands = buildManifest({ browser, manifestVersion: browser === 'chrome' ? 3 : 2, mode: 'production' }).commands as Record<
        string,
        { suggested_key: { default: string }; description: string }
      >;
      const actionCommands = Object.keys(commands).filter((c) => !c.startsWith('_'));
      expect(actionCommands).toEqual(BUILTIN_ACTIONS.filter((a) => a.command).map((a) => a.id));
      for (const a of BUILTIN_ACTIONS.filter((x) => x.command)) {
        expect(commands[a.id]).toEqual({ suggested_key: { default: a.command!.suggestedKey }, description: `__MSG_${a.command!.description}__` });
      }
    }
  });
});
