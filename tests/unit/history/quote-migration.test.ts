import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CONVERSATION_VERSION, migrateConversation } from '@/utils/history/schema';
import { loadConversation } from '@/utils/history/store';
import { ELLIPSIS, SAVED_QUOTE_CHARS } from '@/utils/citations/bounded-quote';
import { entryBytes } from '@/utils/storage/budget';

const passage = 'The colony wintered on eleven kilograms of honey. '.repeat(400); // ≈ 20 000 characters
const v2Record = {
  v: 2,
  id: 'c1',
  url: 'https://a.example/',
  title: 'T',
  createdAt: 1,
  updatedAt: 2,
  turns: [
    {
      id: 't1',
      mode: 'ask',
      question: 'Q',
      answer: 'Honey [P1][P2].',
      reasoning: '',
      status: 'done',
      sources: { 1: { quote: passage, at: 0.25, page: 3 }, 2: { quote: 'Short one.', at: 0.5 } },
    },
  ],
};

describe('conversation schema, version 3: saved citations keep a short quote', () => {
  it('a version 2 record with a whole passage as its quote comes back at version 3 with a bounded quote; position and page kept', () => {
    const m = migrateConversation(v2Record)!;
    expect(CONVERSATION_VERSION).toBe(4);
    expect(m.v).toBe(4);
    const s = m.turns[0].sources!;
    expect(s[1].quote.length).toBeLessThanOrEqual(SAVED_QUOTE_CHARS);
    expect(s[1].quote.endsWith(ELLIPSIS)).toBe(true);
    expect(passage.startsWith(s[1].quote.slice(0, -1))).toBe(true);
    expect(s[1]).toMatchObject({ at: 0.25, page: 3 });
    expect(s[2]).toEqual({ quote: 'Short one.', at: 0.5 });
    // Migrating again changes nothing.
    expect(migrateConversation(m)).toEqual(m);
  });

  it('a stored version 2 record loads bounded, and written back it is a fraction of its old size', async () => {
    await fakeBrowser.storage.local.set({ 'conv:c1': v2Record });
    const loaded = (await loadConversation('c1'))!;
    expect(loaded.turns[0].sources![1].quote.length).toBeLessThanOrEqual(SAVED_QUOTE_CHARS);
    expect(entryBytes('conv:c1', loaded)).toBeLessThan(entryBytes('conv:c1', v2Record) / 20);
  });
});
