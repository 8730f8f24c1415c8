import { expect, test } from 'vitest';
import { splitPassages } from '@/utils/citations/passages';
import { citedSources, forgetPassages, rememberPassages, settleSources, sourceOf } from '@/utils/panel/turn-sources';
import type { Turn } from '@/utils/panel/conversation';

const pdf = '--- Page 1 ---\n\nAlpha one.\n\n--- Page 2 ---\n\nBeta two.\n\nGamma three.';
const turn = (over: Partial<Turn> = {}): Turn => ({ id: `t-${Math.random()}`, mode: 'ask', question: 'q', answer: '', reasoning: '', status: 'done', ...over });

test('only the cited passages are kept, with their quote, position and page', () => {
  const passages = splitPassages(pdf, true);
  const kept = citedSources('Beta [P2]; gamma [P3][P2]; invented [P40].', passages);
  expect(Object.keys(kept)).toEqual(['2', '3']);
  expect(kept[2]).toEqual({ quote: 'Beta two.', at: passages[1].at, page: 2 });
});

test('a streaming turn links from memory; once settled and forgotten, from what was saved', () => {
  const t = turn({ answer: 'Alpha [P1] and gamma [P3].' });
  rememberPassages(t.id, splitPassages(pdf, true));
  expect(sourceOf(t, 2)?.quote).toBe('Beta two.');
  const sources = settleSources(t);
  expect(Object.keys(sources!)).toEqual(['1', '3']);
  forgetPassages(t.id);
  const saved = { ...t, sources };
  expect(sourceOf(saved, 3)).toEqual({ quote: 'Gamma three.', at: splitPassages(pdf, true)[2].at, page: 2 });
  expect(sourceOf(saved, 2)).toBeUndefined();
});

test('a turn that cites nothing saves nothing, and one never numbered keeps what it had', () => {
  const t = turn({ answer: 'No markers.' });
  rememberPassages(t.id, splitPassages(pdf, true));
  expect(settleSources(t)).toBeUndefined();
  const old = turn({ sources: { 1: { quote: 'x', at: 0 } } });
  expect(settleSources(old)).toEqual({ 1: { quote: 'x', at: 0 } });
});

test('only the latest few passage lists stay in memory', () => {
  const turns = Array.from({ length: 12 }, () => turn({ answer: 'x [P1]' }));
  for (const t of turns) rememberPassages(t.id, splitPassages(pdf, true));
  expect(sourceOf(turns[0], 1)).toBeUndefined();
  expect(sourceOf(turns[11], 1)?.quote).toBe('Alpha one.');
});

test('a cited passage as long as a page is saved as a short quote; while on screen the whole passage is still known', () => {
  const huge = `Huge paragraph ${'about bees and honey '.repeat(2000)}end.`;
  const passages = splitPassages(`Intro line.\n\n${huge}`, false);
  const t = turn({ answer: 'It is long [P2].' });
  rememberPassages(t.id, passages);
  expect(sourceOf(t, 2)?.quote).toBe(passages[1].quote);
  const saved = settleSources(t)!;
  expect(saved[2].quote.length).toBeLessThanOrEqual(300);
  expect(saved[2].quote.endsWith('…')).toBe(true);
  expect(passages[1].quote.startsWith(saved[2].quote.slice(0, -1))).toBe(true);
  expect(saved[2].at).toBe(passages[1].at);
  forgetPassages(t.id);
});
