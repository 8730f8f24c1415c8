import { describe, expect, it, vi } from 'vitest';
import type { AskRequest } from '@/utils/messaging/types';
import { harness, isPart, partNo, RATE_LIMIT, OVERLOADED, QUOTA, longPage } from '../helpers/parts-harness';

const ask = (page = longPage(), question = ''): AskRequest => ({ mode: 'summarize', question, page, history: [], conversationId: 'conv-1' });
const noteFor = (r: AskRequest) => `- notes for part ${partNo(r)}`;

describe('runMapReduce', () => {
  it('summarises every part, one request at a time, then streams one combined answer', async () => {
    const h = harness((r) => (isPart(r) ? { answer: noteFor(r) } : { answer: 'FINAL ANSWER' }));
    h.start(ask());
    await h.ended;
    const parts = h.requests.filter(isPart);
    const final = h.requests.filter((r) => !isPart(r));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.map(partNo)).toEqual(parts.map((_, i) => i + 1));
    expect(final).toHaveLength(1);
    expect(h.requests.at(-1)).toBe(final[0]);
    expect(h.maxInFlight).toBe(1);
    // Every section's marker went out in exactly one part, in order.
    const page = longPage();
    const markers = [...page.text.matchAll(/Marker sentence for section \d+\./g)].map((m) => m[0]);
    expect(parts.flatMap((r) => [...r.page!.text.matchAll(/Marker sentence for section \d+\./g)].map((m) => m[0]))).toEqual(markers);
    for (const r of parts) expect(r.history).toEqual([]);
    // The final request carries every part's notes and the default summary instruction, not the page.
    for (let k = 1; k <= parts.length; k++) expect(final[0].page!.text).toContain(`- notes for part ${k}`);
    expect(final[0].page!.text).not.toContain('Marker sentence');
    expect(final[0].question).toMatch(/read in \d+ parts/);
    expect(final[0].question).toContain('Summarize this page');
    expect(final[0].conversationId).toBe('conv-1');
    // Only the final answer reaches the conversation; usage adds up all requests.
    expect(h.answer).toBe('FINAL ANSWER');
    expect(h.events).toEqual(['start moonshot-v1-8k', `done stop ${100 * h.requests.length}`]);
    // Progress went part 1 … n, then combine, then cleared.
    const phases = h.progress.filter(Boolean).map((p) => (p!.phase === 'parts' ? `p${p!.part}` : 'c'));
    expect(phases.filter((x) => x.startsWith('p')).at(-1)).toBe(`p${parts.length}`);
    expect(phases.at(-1)).toBe('c');
    expect(h.progress.at(-1)).toBeNull();
  });

  it("with citations, every part carries the whole page's passage numbers and the final request keeps them", async () => {
    const h = harness((r) => (isPart(r) ? { answer: `- note [P${partNo(r) * 10}]` } : { answer: 'done' }));
    h.start({ ...ask(), citations: { first: 1 } });
    await h.ended;
    const parts = h.requests.filter(isPart);
    const seen = parts.flatMap((r) => [...r.page!.text.matchAll(/^\[P(\d+)\] /gm)].map((m) => Number(m[1])));
    // Every passage of the page numbered once, in page order, across the parts.
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
    expect(seen.length).toBe(16 * 13);
    for (const r of h.requests) expect(r.citations).toEqual({ keep: true });
    expect(h.requests.at(-1)!.page!.text).toContain('[P10]');
  });

  it('carries the user question into every part and into the final request', async () => {
    const h = harness((r) => ({ answer: isPart(r) ? noteFor(r) : 'ok' }));
    h.start(ask(longPage(), 'How heavy was apiary 3?'));
    await h.ended;
    for (const r of h.requests.filter(isPart)) expect(r.question).toContain('How heavy was apiary 3?');
    expect(h.requests.at(-1)!.question.endsWith('How heavy was apiary 3?')).toBe(true);
  });

  it('on a 429 in the middle waits as told and sends the same part again, losing no part', async () => {
    let failed = 0;
    const h = harness((r) => {
      if (isPart(r) && partNo(r) === 2 && failed < 2) {
        failed++;
        return { fail: failed === 1 ? RATE_LIMIT : OVERLOADED };
      }
      return { answer: isPart(r) ? noteFor(r) : 'FINAL' };
    });
    h.start(ask());
    await h.ended;
    const parts = h.requests.filter(isPart).map(partNo);
    expect(parts.filter((p) => p === 2)).toHaveLength(3);
    expect(new Set(parts).size).toBe(Math.max(...parts));
    // 7 s as the message said (+ jitter), then exponential without a hint: retry 2 → 2 s × 2 × (0.5 + 0.5).
    expect(h.waits).toEqual([7125, 4000]);
    expect(h.progress.some((p) => p?.phase === 'parts' && p.part === 2 && p.waitUntil === 1_000_000 + 7125)).toBe(true);
    for (let k = 1; k <= Math.max(...parts); k++) expect(h.requests.at(-1)!.page!.text).toContain(`- notes for part ${k}`);
    expect(h.answer).toBe('FINAL');
    expect(h.events.at(-1)).toMatch(/^done/);
  });

  it('gives up after a bounded number of 429s, keeping the parts done', async () => {
    const h = harness((r) => (isPart(r) && partNo(r) === 2 ? { fail: { ...RATE_LIMIT, retryAfterSeconds: undefined } } : { answer: noteFor(r) }));
    h.start(ask());
    await h.ended;
    expect(h.waits.length).toBe(8);
    expect(Math.max(...h.waits)).toBeLessThanOrEqual(60_000);
    expect(h.events.at(-1)).toBe('failure rate_limit_reached_error');
    expect(h.answer).toContain('notes for part 1');
  });

  it('ends at a quota error without retrying, keeping the notes already taken', async () => {
    const h = harness((r) => (isPart(r) && partNo(r) === 3 ? { fail: QUOTA } : { answer: noteFor(r) }));
    h.start(ask());
    await h.ended;
    expect(h.waits).toEqual([]);
    expect(h.requests.filter(isPart).map(partNo)).toEqual([1, 2, 3]);
    expect(h.events.at(-1)).toBe('failure exceeded_current_quota_error');
    expect(h.answer).toContain('notes for part 1');
    expect(h.answer).toContain('notes for part 2');
    expect(h.answer).toMatch(/notes on 2 of \d+ parts/);
    expect(h.progress.at(-1)).toBeNull();
  });

  it('Stop ends the run at once: the current request is stopped, no more are sent, the done parts stay', async () => {
    const h = harness((r) => (isPart(r) && partNo(r) === 3 ? 'hang' : { answer: noteFor(r) }));
    const handle = h.start(ask());
    await vi.waitFor(() => expect(h.requests).toHaveLength(3));
    handle.stop();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.stopped).toEqual([2]);
    expect(h.requests).toHaveLength(3);
    expect(h.answer).toContain('notes for part 1');
    expect(h.answer).toContain('notes for part 2');
    expect(h.answer).not.toContain('notes for part 3');
    // Stop is the panel's own doing: no done and no failure is reported.
    expect(h.events.filter((e) => e.startsWith('done') || e.startsWith('failure'))).toEqual([]);
    expect(h.progress.at(-1)).toBeNull();
  });

  it('Stop during a rate-limit wait ends the wait and sends nothing more', async () => {
    let release!: () => void;
    const h = harness((r) => (isPart(r) && partNo(r) === 2 ? { fail: RATE_LIMIT } : { answer: noteFor(r) }), {
      sleep: (_ms, signal) =>
        new Promise((resolve, reject) => {
          release = resolve;
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const handle = h.start(ask());
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    handle.stop();
    release();
    await new Promise((r) => setTimeout(r, 10));
    expect(h.requests.filter(isPart).map(partNo)).toEqual([1, 2]);
    expect(h.answer).toContain('notes for part 1');
  });

  it('a second run after a stop sends only the parts not done yet', async () => {
    const cache = new Map<string, string>();
    const first = harness((r) => (isPart(r) && partNo(r) === 3 ? { fail: QUOTA } : { answer: noteFor(r) }), { cache });
    first.start(ask());
    await first.ended;
    const second = harness((r) => ({ answer: isPart(r) ? noteFor(r) : 'FINAL' }), { cache });
    second.start(ask());
    await second.ended;
    const parts = second.requests.filter(isPart).map(partNo);
    expect(parts[0]).toBe(3);
    expect(parts).not.toContain(1);
    expect(parts).not.toContain(2);
    expect(second.requests.at(-1)!.page!.text).toContain('- notes for part 1');
    expect(second.answer).toBe('FINAL');
  });

  it('runs parts side by side only when allowed, never more than the limit', async () => {
    const h = harness((r) => ({ answer: isPart(r) ? noteFor(r) : 'FINAL' }), { concurrency: 2 });
    h.start(ask());
    await h.ended;
    expect(h.maxInFlight).toBe(2);
    expect(h.answer).toBe('FINAL');
  });

  it('sends a page that fits as one ordinary request', async () => {
    const small = { ...longPage(), text: 'A short page about bees.' };
    const h = harness(() => ({ answer: 'direct' }));
    h.start(ask(small));
    await h.ended;
    expect(h.requests).toHaveLength(1);
    expect(h.requests[0].page!.text).toBe('A short page about bees.');
    expect(h.requests[0].question).toBe('');
    expect(h.answer).toBe('direct');
  });

  it('the final request broken before any text is sent again (bounded), then the failure is passed on', async () => {
    const h = harness((r) => (isPart(r) ? { answer: noteFor(r) } : { fail: { kind: 'incomplete' } }));
    h.start(ask());
    await h.ended;
    // No text had arrived, so an early break is sent again (twice), then reported.
    expect(h.requests.filter((r) => !isPart(r))).toHaveLength(3);
    expect(h.events.at(-1)).toBe('failure incomplete');
    expect(h.answer).toBe('');
  });
});
