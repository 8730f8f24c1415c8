import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearHistory, deleteConversation, latestForUrl, listConversations, loadConversation, saveConversation, updateConversation,
} from '../../../utils/history/store';
import { CONVERSATION_VERSION, migrateConversation, settleInterrupted, type StoredConversation } from '../../../utils/history/schema';
import { searchConversations } from '../../../utils/history/search';
import { conversationToMarkdown } from '../../../utils/history/export-markdown';

const turn = (id: string, answer: string, status: 'done' | 'streaming' = 'done') => ({
  id, mode: 'ask' as const, question: `Q ${id}`, answer, reasoning: '', status,
});
const conv = (id: string, url: string, updatedAt: number, turns = [turn(`${id}-t`, `answer of ${id}`)]): StoredConversation => ({
  v: CONVERSATION_VERSION, id, url, title: `Title ${id}`, turns, createdAt: updatedAt, updatedAt,
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
    await Promise.all([
      updateConversation('a', (c) => ({ ...c, name: 'Renamed' })),
      updateConversation('a', (c) => ({ ...c, title: 'New title' })),
    ]);
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

  it('an answer saved mid-stream comes back as interrupted, with its text', () => {
    const c = settleInterrupted(conv('s', 'u', 1, [turn('t', 'half an answ', 'streaming')]));
    expect(c.turns[0]).toMatchObject({ status: 'stopped', interrupted: true, answer: 'half an answ' });
  });
});

describe('history search and export', () => {
  const metas = [conv('a', 'https://rust.example/', 1), conv('b', 'https://zh.example/', 2)].map((c) => ({
    ...c, turnCount: 1, preview: c.turns[0].answer,
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
  });
});
