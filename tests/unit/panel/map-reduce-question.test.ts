import { describe, expect, it, vi } from 'vitest';
import type { AskRequest } from '@/utils/messaging/types';
import type { PageContent } from '@/utils/sources/types';
import { splitPassages } from '@/utils/citations/passages';
import { estimateTokens } from '@/utils/kimi/tokens';
import { partBudget } from '@/utils/panel/map-reduce';
import { NOTHING_RELEVANT } from '@/utils/panel/parts-prompt';
import { harness, isPart, longPage, partNo } from '../helpers/parts-harness';

const QUESTION = 'What does the marker of section 3 say?';
const question = (page: PageContent = longPage(), q = QUESTION): AskRequest => ({
  mode: 'ask',
  question: q,
  page,
  history: [],
  conversationId: 'conv-q',
  citations: { first: 1 },
});
const isStage = (r: AskRequest) => r.question.startsWith('The page content above is notes taken on parts');
const isFinal = (r: AskRequest) => !isPart(r) && !isStage(r);
/** The budget each request of the 8k model has for its "page", as the run computes it. */
const budget = partBudget(8192, question());

/** The fake model's notes: the section-3 marker sentence with its passage marker, or nothing. */
function notesOn(r: AskRequest): string {
  const hit = /\[P(\d+)\] Marker sentence for section 3\./.exec(r.page!.text);
  return hit ? `- Section 3's marker sentence [P${hit[1]}]` : NOTHING_RELEVANT;
}

/** A Chinese page: 16 sections of 12 sentences, each about 40 characters (1 token each by the estimate). */
function chinesePage(): PageContent {
  const sections = Array.from({ length: 16 }, (_, s) =>
    [
      `## 第${s + 1}节`,
      ...Array.from({ length: 12 }, (_, p) => `第${s + 1}节第${p + 1}段：蜂群在冬天来临之前储存了蜂蜜和花粉，养蜂人记下了每一箱的重量。`),
    ].join('\n\n'),
  );
  return { url: 'https://example.test/zh', title: '养蜂日记', text: sections.join('\n\n'), selection: '', lang: 'zh-CN' };
}

describe('answering a question in parts', () => {
  it('asks each part for what bears on the question, leaves out parts with nothing, and the final citation names the original passage', async () => {
    const h = harness((r) => (isPart(r) ? { answer: notesOn(r) } : { answer: `It says so ${/\[P\d+\]/.exec(r.page!.text)?.[0]}.` }));
    h.start(question());
    await h.ended;
    const parts = h.requests.filter(isPart);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(h.maxInFlight).toBe(1);
    for (const r of parts) {
      expect(r.question).toContain('bears on the question');
      expect(r.question).toContain(QUESTION);
      expect(r.question).toContain(NOTHING_RELEVANT);
      expect(r.citations).toEqual({ keep: true });
      expect(estimateTokens(r.page!.text)).toBeLessThanOrEqual(budget);
    }
    // Exactly one part has section 3; the others said "nothing" and are left out of the final request.
    const final = h.requests.filter(isFinal);
    expect(final).toHaveLength(1);
    expect(final[0].page!.text.match(/^## Notes on part /gm)).toHaveLength(1);
    expect(final[0].page!.text).not.toContain(NOTHING_RELEVANT);
    expect(final[0].question).toContain(`${parts.length - 1} of the ${parts.length} parts had nothing bearing on the request`);
    expect(final[0].question.endsWith(QUESTION)).toBe(true);
    // The answer's marker is the page's own passage number: the panel links it to the marker sentence.
    const n = Number(/\[P(\d+)\]/.exec(h.answer)?.[1]);
    expect(splitPassages(longPage().text, false)[n - 1].text).toBe('Marker sentence for section 3.');
    expect(h.events.at(-1)).toMatch(/^done stop/);
  });

  it('numbers the passages of a Chinese page once across its parts, every passage in exactly one part', async () => {
    const page = chinesePage();
    const q = '第3节说了什么？';
    const h = harness((r) => ({ answer: isPart(r) ? NOTHING_RELEVANT : '没有相关内容。' }));
    h.start(question(page, q));
    await h.ended;
    const parts = h.requests.filter(isPart);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    const numbers = parts.flatMap((r) => [...r.page!.text.matchAll(/\[P(\d+)\] /g)].map((m) => Number(m[1])));
    const passages = splitPassages(page.text, false);
    expect(numbers).toEqual(passages.map((p) => p.n));
    for (const p of passages) expect(parts.filter((r) => r.page!.text.includes(`[P${p.n}] ${p.text}`))).toHaveLength(1);
    for (const r of parts) {
      expect(r.question).toContain(q);
      expect(estimateTokens(r.page!.text)).toBeLessThanOrEqual(budget);
    }
    // No part had anything: the final request says so rather than inventing notes.
    expect(h.requests.at(-1)!.question).toContain('No part of the page had anything bearing on the request');
  });

  it('numbers passages on from one source to the next, and names each source in the notes', async () => {
    const a = longPage();
    const b = chinesePage();
    const h = harness((r) => ({ answer: isPart(r) ? `- notes ${r.page!.url} [P${/\[P(\d+)\]/.exec(r.page!.text)![1]}]` : 'FINAL' }));
    h.startSources(question(a), [
      { label: 'Apiary journal', page: a },
      { label: '养蜂日记', page: b },
    ]);
    await h.ended;
    const parts = h.requests.filter(isPart);
    const numbers = parts.flatMap((r) => [...r.page!.text.matchAll(/\[P(\d+)\] /g)].map((m) => Number(m[1])));
    const countA = splitPassages(a.text, false).length;
    expect(numbers).toEqual(Array.from({ length: countA + splitPassages(b.text, false).length }, (_, i) => i + 1));
    const firstB = parts.findIndex((r) => r.page!.url === b.url);
    expect(parts.slice(0, firstB).every((r) => r.page!.url === a.url && r.page!.title === a.title)).toBe(true);
    expect(parts.slice(firstB).every((r) => r.page!.url === b.url)).toBe(true);
    expect(parts[firstB].page!.text.startsWith(`## 第1节\n\n[P${countA + 1}] `)).toBe(true);
    const final = h.requests.at(-1)!;
    expect(final.page!.title).toBe('2 sources');
    expect(final.page!.text).toContain('— Apiary journal');
    expect(final.page!.text).toContain('— 养蜂日记');
  });

  it('notes too long to read at once are merged in stages, each within the budget, markers kept, before the final answer', async () => {
    const long = (r: AskRequest) => `- [P${/\[P(\d+)\]/.exec(r.page!.text)![1]}] ` + 'honey '.repeat(600);
    const h = harness((r) =>
      isPart(r)
        ? { answer: long(r) }
        : isStage(r)
          ? { answer: `- merged ${[...r.page!.text.matchAll(/\[P\d+\]/g)].map((m) => m[0]).join('')}` }
          : { answer: 'FINAL' },
    );
    h.start(question());
    await h.ended;
    const parts = h.requests.filter(isPart);
    const stages = h.requests.filter(isStage);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const r of stages) expect(estimateTokens(r.page!.text)).toBeLessThanOrEqual(budget);
    // Every part's notes went into exactly one stage, in order.
    const covered = stages.flatMap((r) => [...r.page!.text.matchAll(/^## Notes on part (\d+) of/gm)].map((m) => Number(m[1])));
    expect(covered).toEqual(parts.map(partNo));
    const final = h.requests.at(-1)!;
    expect(isFinal(final)).toBe(true);
    expect(estimateTokens(final.page!.text)).toBeLessThanOrEqual(budget);
    expect(final.page!.text).toMatch(/^## Notes on parts 1–\d+ of/m);
    // The markers of every part's notes survived the merge.
    for (const r of parts) expect(final.page!.text).toContain(`[P${/\[P(\d+)\]/.exec(r.page!.text)![1]}]`);
    expect(h.progress.some((p) => p?.phase === 'condense' && p.kind === 'answer')).toBe(true);
    expect(h.answer).toBe('FINAL');
  });

  it('notes that do not shrink when merged end the run with "too long" after one round, keeping the notes', async () => {
    const h = harness((r) => ({ answer: isPart(r) || isStage(r) ? '- ' + 'pollen '.repeat(1400) : 'FINAL' }));
    h.start(question());
    await h.ended;
    expect(h.requests.filter(isFinal)).toHaveLength(0);
    const stages = h.requests.filter(isStage);
    const parts = h.requests.filter(isPart).length;
    // One round of merging made them no shorter (each note, bigger than a request, was cut in two): no second round.
    expect(stages.length).toBe(2 * parts);
    expect(h.events.at(-1)).toBe('failure too-long');
    expect(h.answer).toContain(`notes on ${parts} of ${parts} parts`);
  });

  it('Stop mid-way through the parts keeps the notes so far, including the parts with nothing, and sends nothing more', async () => {
    const h = harness((r) => (partNo(r) === 3 ? 'hang' : { answer: partNo(r) === 1 ? '- first part notes [P2]' : NOTHING_RELEVANT }));
    const handle = h.start(question());
    await vi.waitFor(() => expect(h.requests).toHaveLength(3));
    handle.stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.stopped).toEqual([2]);
    expect(h.requests).toHaveLength(3);
    expect(h.answer).toContain('- first part notes [P2]');
    expect(h.answer).toContain('Nothing in this part bears on the question.');
    expect(h.answer).toMatch(/notes on 2 of \d+ parts/);
    expect(h.events.filter((e) => /^(done|failure)/.test(e))).toEqual([]);
    expect(h.progress.at(-1)).toBeNull();
  });

  it('Stop during the final answer keeps the text streamed so far, and nothing else', async () => {
    const h = harness((r) => (isPart(r) ? { answer: notesOn(r) } : { partial: 'Section 3 says [P41] so far' }));
    const handle = h.start(question());
    await vi.waitFor(() => expect(h.answer).toBe('Section 3 says [P41] so far'));
    handle.stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.answer).toBe('Section 3 says [P41] so far');
    expect(h.stopped).toEqual([h.requests.length - 1]);
    expect(h.events.filter((e) => /^(done|failure)/.test(e))).toEqual([]);
  });

  it('a 429 on a part waits and sends that part again; each part has its own count of retries', async () => {
    const RATE = { kind: 'http' as const, status: 429, type: 'rate_limit_reached_error' };
    const tries = new Map<number, number>();
    const h = harness((r) => {
      const k = partNo(r);
      const n = (tries.get(k) ?? 0) + 1;
      tries.set(k, n);
      if ((k === 2 && n <= 2) || (k === 4 && n === 1)) return { fail: RATE };
      return { answer: isPart(r) ? notesOn(r) : 'FINAL' };
    });
    h.start(question());
    await h.ended;
    // No hint from the server: 2 s, then 4 s for part 2; part 4 starts again at 2 s.
    expect(h.waits).toEqual([2000, 4000, 2000]);
    expect(h.requests.filter(isPart).map(partNo)).toEqual([1, 2, 2, 2, 3, 4, 4, ...Array.from({ length: tries.size - 5 }, (_, i) => i + 5)]);
    expect(h.progress.some((p) => p?.phase === 'parts' && p.part === 4 && p.waitUntil === 1_000_000 + 2000)).toBe(true);
    expect(h.answer).toBe('FINAL');
  });
});
