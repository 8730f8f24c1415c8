import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearHistory,
  deleteConversation,
  latestForUrl,
  listConversations,
  loadConversation,
  saveConversation,
  updateConversation,
} from '../../../utils/history/store';
import { CONVERSATION_VERSION, migrateConversation, settleInterrupted, type StoredConversation } from '../../../utils/history/schema';
import { searchConversations } from '../../../utils/history/search';
import type { Turn } from '../../../utils/panel/conversation';
import { conversationToMarkdown } from '../../../utils/history/export-markdown';

const turn = (id: string, answer: string, status: 'done' | 'streaming' = 'done'): Turn => ({
  id,
  mode: 'ask' as const,
  question: `Q ${id}`,
  answer,
  reasoning: '',
  status,
});
const conv = (id: string, url: string, updatedAt: number, turns = [turn(`${id}-t`, `answer of ${id}`)]): StoredConversation => ({
  v: CONVERSATION_VERSION,
  id,
  url,
  title: `Title ${id}`,
  turns,
  createdAt: updatedAt,
  updatedAt,
});

describe('history store', () => {
  it('saves, lists newest first (skipping empty ones) and loads', async () => {
    await saveConversation(conv('a', 'https://a.example/', 1));
    await saveConversation(conv('b', 'https://b.example/', 2));
    await saveConversation(conv('empty', 'https://c.example/', 3, []));
    expect((await listConversations()).map((c) => c.id)).toEqual(['b', 'a']);
    expect((await loadConversation('a'))?.turns[0].answer).toBe('answer of a');
  });

  it('two quick renames of different fields do not lose either', async () => {
    await saveConversation(conv('a', 'https://a.example/', 1));
    await Promise.all([updateConversation('a', (c) => ({ ...c, name: 'Renamed' })), updateConversation('a', (c) => ({ ...c, title: 'New title' }))]);
    const c = await loadConversation('a');
    expect(c?.name).toBe('Renamed');
    expect(c?.title).toBe('New title');
  });

  it('finds the latest conversation about a page, for after a browser restart', async () => {
    await saveConversation(conv('old', 'https://a.example/p', 1));
    await saveConversation(conv('new', 'https://a.example/p', 5));
    await saveConversation(conv('other', 'https://b.example/', 9));
    expect((await latestForUrl('https://a.example/p'))?.id).toBe('new');
    expect(await latestForUrl('https://none.example/')).toBeNull();
  });

  it('deletes one, then clears all, leaving settings alone', async () => {
    await fakeBrowser.storage.local.set({ settings: { platform: 'china' } });
    await saveConversation(conv('a', 'u', 1));
    await saveConversation(conv('b', 'u', 2));
    await deleteConversation('a');
    expect((await listConversations()).map((c) => c.id)).toEqual(['b']);
    await clearHistory();
    expect(await listConversations()).toEqual([]);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual({ platform: 'china' });
  });

  it('ignores records it cannot read instead of crashing', async () => {
    await fakeBrowser.storage.local.set({ 'conv:bad': { id: 'bad' }, 'conv:worse': 'text', 'conv:future': { v: 99, id: 'f', turns: [] } });
    await saveConversation(conv('a', 'u', 1));
    expect((await listConversations()).map((c) => c.id)).toEqual(['a']);
    expect(migrateConversation(null)).toBeNull();
  });

  it('keeps well-formed citation sources and drops damaged ones', () => {
    const raw = conv('c', 'u', 1, [turn('t', 'Fact [P1] [P2] [P3]', 'done')]);
    (raw.turns[0] as unknown as { sources: unknown }).sources = {
      1: { quote: 'Alpha.', at: 0.1, page: 3 },
      2: { quote: 42, at: 0 },
      x: { quote: 'no', at: 0 },
      3: { quote: 'Beta.', at: 0.5, page: '9' },
    };
    expect(migrateConversation(raw)!.turns[0].sources).toEqual({ 1: { quote: 'Alpha.', at: 0.1, page: 3 }, 3: { quote: 'Beta.', at: 0.5 } });
    (raw.turns[0] as unknown as { sources: unknown }).sources = 'junk';
    expect(migrateConversation(raw)!.turns[0].sources).toBeUndefined();
  });

  it('an answer saved mid-stream comes back as interrupted, with its text', () => {
    const c = settleInterrupted(conv('s', 'u', 1, [turn('t', 'half an answ', 'streaming')]));
    expect(c.turns[0]).toMatchObject({ status: 'stopped', interrupted: true, answer: 'half an answ' });
  });
});

describe('history search and export', () => {
  const metas = [conv('a', 'https://rust.example/', 1), conv('b', 'https://zh.example/', 2)].map((c) => ({
    ...c,
    turnCount: 1,
    preview: c.turns[0].answer,
  }));
  it('matches every word, case-insensitively, across title, URL and preview', () => {
    expect(searchConversations(metas, 'RUST answer').map((c) => c.id)).toEqual(['a']);
    expect(searchConversations(metas, '  ').map((c) => c.id)).toEqual(['a', 'b']);
    expect(searchConversations(metas, 'nothing')).toEqual([]);
  });
  it('exports questions and answers as Markdown with the page link', () => {
    const md = conversationToMarkdown(conv('a', 'https://a.example/', 1), { question: 'Question', answer: 'Answer', source: 'Page' });
    expect(md).toContain('# Title a');
    expect(md).toContain('Page: <https://a.example/>');
    expect(md).toContain('## Question\n\nQ a-t\n\n## Answer\n\nanswer of a');
    const cited = conv('c', 'https://c.example/', 1, [
      { ...turn('t', 'Fact [P2] and [P10].', 'done'), sources: { 10: { quote: 'Ten.', at: 0.9 }, 2: { quote: 'Two\nlines.', at: 0.2, page: 3 } } },
    ]);
    expect(conversationToMarkdown(cited, { question: 'Q', answer: 'A', source: 'S' })).toContain(
      'Fact [P2] and [P10].\n\n> [P2] (p. 3) Two lines.\n\n> [P10] Ten.\n',
    );
  });
});
