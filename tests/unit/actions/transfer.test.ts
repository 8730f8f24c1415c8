import { describe, expect, it } from 'vitest';
import { mergeActions } from '../../../utils/actions/merge';
import { exportActions, importActions, IMPORT_MAX_ACTIONS, IMPORT_MAX_BYTES } from '../../../utils/actions/transfer';
import type { MessageKey } from '../../../utils/i18n';

const text = (k: MessageKey) => k as string;
const poem = { id: 'user-poem', hidden: false, name: 'Poem', prompt: 'A poem on {{title}}', contexts: ['page' as const] };
const mine = mergeActions({ list: [{ id: 'summarize-page', hidden: true }, poem] }, text);
const file = (actions: unknown[], extra: object = {}) => JSON.stringify({ format: 'moonlit-actions', version: 1, actions, ...extra });

describe('actions import and export', () => {
  it('round-trips: exported, then imported into a fresh profile, gives the same list', () => {
    const exported = exportActions(mine, text);
    expect(JSON.parse(exported)).toMatchObject({ format: 'moonlit-actions', version: 1 });
    const fresh = mergeActions({ list: [] }, text);
    const result = importActions(exported, fresh, text);
    expect(result.ok && result.actions).toEqual(mine);
  });

  it('merges: same id replaces, a new user action goes last, the rest stays', () => {
    const haiku = { id: 'user-haiku', hidden: false, name: 'Haiku', prompt: 'A haiku on {{selection}}', contexts: ['selection'] };
    const result = importActions(file([{ ...poem, prompt: 'Two lines on {{title}}' }, haiku]), mine, text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.count).toBe(2);
    expect(result.actions.find((a) => a.id === 'user-poem')?.prompt).toBe('Two lines on {{title}}');
    expect(result.actions.at(-1)?.id).toBe('user-haiku');
    expect(result.actions.find((a) => a.id === 'summarize-page')?.hidden).toBe(true);
  });

  const bad: [string, string, string[]?][] = [
    ['not JSON', '{"format": "moonlit-actions",', undefined],
    ['another file', JSON.stringify({ conversations: [] }), undefined],
    ['a newer format', file([], { version: 2 }), ['2']],
    ['too large', ' '.repeat(IMPORT_MAX_BYTES + 1), [`${IMPORT_MAX_BYTES / 1024} KB`]],
    ['too many', file(Array.from({ length: IMPORT_MAX_ACTIONS + 1 }, (_, i) => ({ ...poem, id: `user-${i}`, name: `P${i}` }))), [String(IMPORT_MAX_ACTIONS)]],
  ];
  const keys = ['actionsImportNotJson', 'actionsImportNotOurs', 'actionsImportVersion', 'actionsImportTooBig', 'actionsImportTooMany'];
  it.each(bad.map((b, i) => [...b, keys[i]] as const))('refuses %s with its own message', (_, raw, subs, key) => {
    const result = importActions(raw, mine, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toEqual({ key, subs: subs ?? [] });
  });

  it('refuses a bad entry, saying which and why, and changes nothing', () => {
    const cases: [unknown, string][] = [
      [{ id: 'user-x', hidden: false, name: 'X' }, 'actionsImportBadShape'],
      [{ id: 'whatever', hidden: false, name: 'X', prompt: 'p', contexts: ['page'] }, 'actionsImportBadShape'],
      [{ ...poem, id: 'user-other' }, 'actionsErrNameClash'],
      [{ ...poem, prompt: 'Use {{secret}}' }, 'actionsErrUnknownVariable'],
      [{ ...poem, contexts: ['page', 'video'] }, 'actionsImportBadShape'],
    ];
    for (const [entry, why] of cases) {
      const result = importActions(file([{ id: 'explain-selection', hidden: true }, entry]), mine, text);
      expect(result).toEqual({ ok: false, error: { key: 'actionsImportBadEntry', subs: ['2', why] } });
    }
  });
});
