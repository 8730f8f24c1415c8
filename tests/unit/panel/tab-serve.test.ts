import { describe, expect, it } from 'vitest';
import { tabAsk } from '../../../utils/panel/tab-ask';
import { planSources } from '../../../utils/panel/tab-plan';
import { MIN_COVERAGE } from '../../../utils/sources/budget';
import { describeFailure } from '../../../utils/kimi/error-table';
import type { AddedTab } from '../../../utils/sources/tab-fresh';

// When even a share by size can't serve the question (a cut source below MIN_COVERAGE of its text, or the
// question and history leaving no room): nothing may go, and the turn's failure names the ways out.
const models = [
  { id: 'moonshot-v1-8k', contextLength: 8_192 },
  { id: 'moonshot-v1-32k', contextLength: 32_768 },
  { id: 'moonshot-v1-128k', contextLength: 131_072 },
];
/** A tab of about `tokens` tokens (CJK: one token a character in the local estimate). */
const tab = (n: number, tokens: number): AddedTab => ({
  tabId: 100 + n,
  title: `Long tab ${n}`,
  url: `https://t${n}.example/`,
  text: '长'.repeat(tokens),
  status: 'ready',
});
const page = { url: 'https://bound.example/', title: 'Bound page', text: 'Short bound page.', selection: '' };
const none = { question: 'Compare them.', history: [] };

describe('a question the sources cannot serve', () => {
  it('20 long tabs on moonshot-v1-8k: refused, naming the source that keeps least and a model that serves them all', () => {
    const tabs = Array.from({ length: 20 }, (_, i) => tab(i, 8_000 + i * 100));
    const asked = tabAsk(page, tabs, 'moonshot-v1-8k', models, none);
    expect(asked.failure).toMatchObject({ kind: 'too-long', model: 'moonshot-v1-8k', contextLength: 8_192 });
    const s = asked.failure!.sources!;
    expect(s.count).toBe(21);
    expect(s.percent).toBeLessThan(MIN_COVERAGE * 100);
    // Shared by size, the smallest long tab keeps the least (all are cut to the same fraction, up to rounding).
    expect(s.title).toMatch(/^Long tab \d+$/);
    // 32k would leave each tab about 15 %: still not served; 128k serves them all (and is what is offered).
    expect(planSources(page, tabs, 'moonshot-v1-32k', models, 10).enough).toBe(false);
    expect(s.larger).toBe('moonshot-v1-128k');
    expect(asked.failure!.promptTokens).toBeGreaterThan(100_000);
  });

  it('one long tab on moonshot-v1-8k keeps more than the minimum: sent cut, with no failure', () => {
    const asked = tabAsk(page, [tab(1, 7_000)], 'moonshot-v1-8k', models, none);
    expect(asked.failure).toBeUndefined();
    expect(asked.tabs[0].coverage).toBeGreaterThanOrEqual(MIN_COVERAGE);
    expect(asked.tabs[0].coverage).toBeLessThan(1);
  });

  it('the boundary: just above the minimum goes, just below it is refused', () => {
    // The room for sources on 8k with the page and two tabs and this question, found from the plan itself.
    const room = (size: number) => planSources(page, [tab(1, size), tab(2, size)], 'moonshot-v1-8k', models, 4).tabs[0];
    const atMin = Math.floor(room(10_000).share / MIN_COVERAGE) - 50;
    expect(room(atMin).coverage).toBeGreaterThanOrEqual(MIN_COVERAGE);
    expect(tabAsk(page, [tab(1, atMin), tab(2, atMin)], 'moonshot-v1-8k', models, { question: 'Why', history: [] }).failure).toBeUndefined();
    const below = atMin + 200;
    expect(tabAsk(page, [tab(1, below), tab(2, below)], 'moonshot-v1-8k', models, { question: 'Why', history: [] }).failure).toBeDefined();
  });

  it('a long conversation leaves no room: refused even for short tabs, which would go whole in a new one', () => {
    const tabs = [tab(1, 600), tab(2, 700)];
    expect(tabAsk(page, tabs, 'moonshot-v1-8k', models, none).failure).toBeUndefined();
    const history = [{ question: 'Earlier', answer: '答'.repeat(4_000) }];
    const f = tabAsk(page, tabs, 'moonshot-v1-8k', models, { question: 'And now?', history }).failure;
    expect(f?.sources?.percent).toBe(0);
  });

  it('in parts nothing is refused: every source goes whole to the parts flow', () => {
    const tabs = Array.from({ length: 20 }, (_, i) => tab(i, 5_000));
    const asked = tabAsk(page, tabs, 'moonshot-v1-8k', models, none, true);
    expect(asked.failure).toBeUndefined();
    expect(asked.tabs.every((t) => t.coverage === 1 && t.text.length === 5_000)).toBe(true);
  });

  it('no listed model serves them: no model is offered (fewer tabs and parts remain)', () => {
    const tabs = Array.from({ length: 20 }, (_, i) => tab(i, 60_000));
    const f = tabAsk(page, tabs, 'moonshot-v1-8k', models, none).failure!;
    expect(f.sources!.larger).toBeUndefined();
  });

  it('the turn says which source, how much, and that removing tabs is a way out; the action offers a larger model and parts', () => {
    const tabs = Array.from({ length: 20 }, (_, i) => tab(i, 5_000));
    const f = tabAsk(page, tabs, 'moonshot-v1-8k', models, none).failure!;
    const said = describeFailure(f);
    expect(said.action).toBe('shorten');
    expect(said.advice).toContain(`“${f.sources!.title}”`);
    expect(said.advice).toContain(`${f.sources!.percent}%`);
    expect(said.advice).toContain('remove some tabs');
    expect(said.details).toContain(f.sources!.title);
  });
});
