import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONVERSATION_VERSION, migrateConversation } from '../../../utils/history/schema';
import { clearHistory, deleteConversation, loadConversation, saveConversation } from '../../../utils/history/store';
import { FILE_TEXTS_PREFIX, loadFileTexts, saveFileTexts, trimFileTexts } from '../../../utils/history/file-texts';

const v1Turn = { id: 't1', mode: 'ask', question: 'Q', answer: 'A', reasoning: '', status: 'done' };
const record = (v: unknown, turns: unknown[]) => ({ v, id: 'c1', url: 'https://a.example/', title: 'T', turns, createdAt: 1, updatedAt: 2 });

describe('conversation schema, version 2: the files attached to a turn', () => {
  it('migrates a version 1 record: same turns, now the current version, no files', () => {
    const m = migrateConversation(record(1, [v1Turn]));
    expect(CONVERSATION_VERSION).toBe(4);
    expect(m?.v).toBe(4);
    expect(m?.turns).toHaveLength(1);
    expect(m?.turns[0]).toMatchObject({ id: 't1', question: 'Q', answer: 'A' });
    expect(m?.turns[0].files).toBeUndefined();
  });

  it('keeps well-formed files of a version 2 turn and drops malformed entries', () => {
    const files = [
      { name: 'notes.txt', kind: 'text', size: 35, kept: true },
      { name: 'shot.png', kind: 'image', size: 2048, kept: false },
      { name: 'bad', kind: 'spreadsheet', size: 1, kept: true },
      { name: 'neg', kind: 'text', size: -5, kept: true },
      'junk',
      null,
    ];
    const m = migrateConversation(record(2, [{ ...v1Turn, files }]));
    expect(m?.turns[0].files).toEqual([
      { name: 'notes.txt', kind: 'text', size: 35, kept: true },
      { name: 'shot.png', kind: 'image', size: 2048, kept: false },
    ]);
    // Only junk: no files field at all.
    expect(migrateConversation(record(2, [{ ...v1Turn, files: ['junk'] }]))?.turns[0].files).toBeUndefined();
  });

  it('refuses unknown versions (a newer Moonlit wrote it) and broken records', () => {
    expect(migrateConversation(record(5, [v1Turn]))).toBeNull();
    expect(migrateConversation(record(undefined, [v1Turn]))).toBeNull();
    expect(migrateConversation({ id: 'x' })).toBeNull();
  });

  it('a stored version 1 record loads as the current version (4)', async () => {
    await fakeBrowser.storage.local.set({ 'conv:c1': record(1, [v1Turn]) });
    expect((await loadConversation('c1'))?.v).toBe(4);
  });
});

describe("attached files' texts kept beside the conversation", () => {
  it('saves, loads, replaces, and removes them with an empty list', async () => {
    await saveFileTexts('c1', [{ name: 'a.txt', text: 'alpha' }]);
    expect(await loadFileTexts('c1')).toEqual([{ name: 'a.txt', text: 'alpha' }]);
    await saveFileTexts('c1', [{ name: 'b.txt', text: 'beta' }]);
    expect(await loadFileTexts('c1')).toEqual([{ name: 'b.txt', text: 'beta' }]);
    await saveFileTexts('c1', []);
    expect(await loadFileTexts('c1')).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual([]);
  });

  it("over the total bound, the oldest conversations' texts go first", async () => {
    await saveFileTexts('old', [{ name: 'a', text: 'x'.repeat(600) }], 1);
    await saveFileTexts('mid', [{ name: 'b', text: 'y'.repeat(600) }], 2);
    await saveFileTexts('new', [{ name: 'c', text: 'z'.repeat(600) }], 3);
    expect(await trimFileTexts(1300)).toEqual([`${FILE_TEXTS_PREFIX}old`]);
    expect(await loadFileTexts('old')).toEqual([]);
    expect((await loadFileTexts('mid'))[0].name).toBe('b');
    expect((await loadFileTexts('new'))[0].name).toBe('c');
  });

  it('deleting a conversation, or clearing the history, deletes its file texts too', async () => {
    const conv = { v: CONVERSATION_VERSION, id: 'c1', url: 'u', title: 't', turns: [v1Turn], createdAt: 1, updatedAt: 1 } as never;
    await saveConversation(conv);
    await saveFileTexts('c1', [{ name: 'a.txt', text: 'alpha' }]);
    await saveFileTexts('c2', [{ name: 'b.txt', text: 'beta' }]);
    await deleteConversation('c1');
    expect(await loadFileTexts('c1')).toEqual([]);
    expect(await loadFileTexts('c2')).toHaveLength(1);
    await clearHistory();
    expect(await loadFileTexts('c2')).toEqual([]);
  });
});
