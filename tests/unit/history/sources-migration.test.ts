import { describe, expect, it } from 'vitest';
import { CONVERSATION_VERSION, migrateConversation, type StoredConversation } from '@/utils/history/schema';
import { conversationToMarkdown } from '@/utils/history/export-markdown';

const base = { id: 'c1', url: 'http://127.0.0.1/a', title: 'A', createdAt: 1, updatedAt: 2 };
const turn = {
  id: 't1',
  mode: 'ask',
  question: 'Compare',
  answer: 'A says x [P1]; B says y [P2].',
  reasoning: '',
  status: 'done',
  sources: { 1: { quote: 'x', at: 0 }, 2: { quote: 'y', at: 0.5, tab: { tabId: 9, title: 'B page', url: 'http://127.0.0.1/b' } } },
};

describe('conversation schema, version 4: the tabs a conversation was about', () => {
  it('a version 3 record loads at version 4 with no sources, its citations kept', () => {
    const m = migrateConversation({ ...base, v: 3, turns: [turn] })!;
    expect(CONVERSATION_VERSION).toBe(4);
    expect(m.v).toBe(4);
    expect(m.sources).toBeUndefined();
    expect(m.turns[0].sources?.[2].tab).toEqual({ tabId: 9, title: 'B page', url: 'http://127.0.0.1/b' });
  });

  it('keeps well-formed sources, drops malformed ones and bounds the list', () => {
    const sources = [
      { title: 'A', url: 'http://127.0.0.1/a' },
      { title: 'B page', url: 'http://127.0.0.1/b', extra: 'dropped' },
      { title: 5, url: 'x' },
      { title: 'long', url: 'h'.repeat(5000) },
      null,
      ...Array.from({ length: 80 }, (_, i) => ({ title: `T${i}`, url: `http://127.0.0.1/${i}` })),
    ];
    const m = migrateConversation({
      ...base,
      v: 4,
      sources,
      turns: [{ ...turn, sources: { 1: { quote: 'q', at: 0, tab: { tabId: 'x', title: 't', url: 'u' } } } }],
    })!;
    expect(m.sources?.slice(0, 2)).toEqual([
      { title: 'A', url: 'http://127.0.0.1/a' },
      { title: 'B page', url: 'http://127.0.0.1/b' },
    ]);
    expect(m.sources).toHaveLength(50);
    expect(m.turns[0].sources?.[1].tab).toBeUndefined();
  });

  it('the export lists the sources and names the tab a cited passage came from, inert', () => {
    const c = {
      ...base,
      v: 4,
      turns: [turn],
      sources: [
        { title: 'A', url: 'http://127.0.0.1/a' },
        { title: '<img src=x>', url: 'javascript:alert(1)' },
      ],
    } as unknown as StoredConversation;
    const md = conversationToMarkdown(c, { question: 'Q', answer: 'A', source: 'Page', sources: 'Sources' });
    expect(md).toContain('Sources:\n\n- A — <http://127.0.0.1/a>');
    expect(md).toContain('- <\u200bimg src=x> — javascript:alert(1)');
    expect(md).toContain('> [P2] (B page) y');
  });
});
