import { describe, expect, it } from 'vitest';
import { conversationSizes, countToRelieve, entryBytes, levelOf, LOCAL_BUDGET_BYTES, percentOf, pickForDeletion, splitLocal } from '@/utils/storage/budget';

const conv = (id: string, updatedAt: number, answer: string) => ({
  v: 3,
  id,
  url: `https://${id}.example/`,
  title: `Title ${id}`,
  turns: [{ answer }],
  createdAt: 1,
  updatedAt,
});

describe('storage budget arithmetic', () => {
  it('counts an entry as Chromium does: key plus JSON value, in UTF-8 bytes', () => {
    expect(entryBytes('k', 'ab')).toBe(1 + 4); // "ab" with its quotes
    expect(entryBytes('键', { a: '蜂' })).toBe(3 + '{"a":"'.length + 3 + '"}'.length);
  });

  it('splits storage.local into conversations (records and kept file texts) and everything else', () => {
    const entries = { 'conv:a': conv('a', 1, 'x'), 'convFiles:a': { v: 1, files: [] }, settings: { model: 'm' }, keyHint: 'abcd' };
    const split = splitLocal(entries);
    expect(split.conversations).toBe(entryBytes('conv:a', entries['conv:a']) + entryBytes('convFiles:a', entries['convFiles:a']));
    expect(split.settings).toBe(entryBytes('settings', entries.settings) + entryBytes('keyHint', 'abcd'));
  });

  it('levels: ok below 90 % of the budget, near from 90 %, over from 100 %', () => {
    const b = 1000;
    expect(levelOf(0, b)).toBe('ok');
    expect(levelOf(899, b)).toBe('ok');
    expect(levelOf(900, b)).toBe('near');
    expect(levelOf(999, b)).toBe('near');
    expect(levelOf(1000, b)).toBe('over');
    expect(levelOf(5000, b)).toBe('over');
    expect(percentOf(999, b)).toBe(99); // rounded down: never "100 %" before it is full
    expect(LOCAL_BUDGET_BYTES).toBeLessThan(10 * 1024 * 1024); // room left under Chromium's quota for settings
  });

  it('sizes each conversation with its file texts, and orphan file texts as their own entry', () => {
    const entries = {
      'conv:a': conv('a', 5, 'short'),
      'convFiles:a': { v: 1, files: [{ name: 'n', text: 'x'.repeat(100) }] },
      'conv:b': conv('b', 2, 'y'.repeat(50)),
      'convFiles:gone': { v: 1, files: [] },
      settings: {},
    };
    const sizes = conversationSizes(entries);
    const a = sizes.find((c) => c.id === 'a')!;
    expect(a.bytes).toBe(entryBytes('conv:a', entries['conv:a']) + entryBytes('convFiles:a', entries['convFiles:a']));
    expect(a).toMatchObject({ title: 'Title a', updatedAt: 5 });
    expect(sizes.map((c) => c.id).sort()).toEqual(['a', 'b', 'gone']);
  });

  it('picks the oldest or the largest first, and says how much that frees', () => {
    const list = [
      { id: 'new-big', title: '', updatedAt: 30, bytes: 900 },
      { id: 'old-small', title: '', updatedAt: 10, bytes: 100 },
      { id: 'mid', title: '', updatedAt: 20, bytes: 500 },
    ];
    expect(pickForDeletion(list, 'oldest', 2)).toEqual({ picked: [list[1], list[2]], bytes: 600 });
    expect(pickForDeletion(list, 'largest', 2)).toEqual({ picked: [list[0], list[2]], bytes: 1400 });
    expect(pickForDeletion(list, 'oldest', 99).picked).toHaveLength(3);
    expect(pickForDeletion(list, 'oldest', -1)).toEqual({ picked: [], bytes: 0 });
    // Below the near line (900 of 1000) deleting the oldest: 1500 → 1400 → 900 (still on the line) → 0, so three.
    expect(countToRelieve(list, 'oldest', 1500, 1000)).toBe(3);
    expect(countToRelieve(list, 'largest', 1500, 1000)).toBe(1);
    expect(countToRelieve(list, 'oldest', 100, 1000)).toBe(0);
  });
});
