import { describe, expect, it } from 'vitest';
import { splitIntoParts, textBlocks } from '@/utils/panel/parts';
import { estimateTokens } from '@/utils/kimi/tokens';

const para = (i: number) =>
  `Paragraph ${i} talks about hive number ${i}. The bees of hive ${i} gathered nectar from clover and lime trees. ` +
  `They stored it carefully for winter, and the keeper weighed the hive every ${(i % 7) + 2} days.`;

function page(sections: number, parasPer: number): string {
  const out: string[] = [];
  for (let s = 0; s < sections; s++) {
    out.push(`## Section ${s + 1}`);
    for (let p = 0; p < parasPer; p++) out.push(para(s * parasPer + p));
  }
  return out.join('\n\n');
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('textBlocks', () => {
  it('splits on blank lines but keeps a fenced code block with blank lines whole', () => {
    const text = 'Intro line.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter.';
    expect(textBlocks(text)).toEqual(['Intro line.', '```js\nconst a = 1;\n\nconst b = 2;\n```', 'After.']);
  });
});

describe('splitIntoParts', () => {
  it('returns the whole text as one part when it fits', () => {
    expect(splitIntoParts('A short page.', 1000)).toEqual(['A short page.']);
    expect(splitIntoParts('  \n ', 1000)).toEqual([]);
  });

  it('cuts a long page into parts within the budget, in order, dropping nothing', () => {
    const text = page(12, 8);
    const max = 600;
    const parts = splitIntoParts(text, max);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(estimateTokens(p)).toBeLessThanOrEqual(max);
    expect(words(parts.join('\n\n'))).toEqual(words(text));
  });

  it('cuts between paragraphs, never inside one, when paragraphs are small', () => {
    const text = page(6, 10);
    const paragraphs = new Set(textBlocks(text));
    for (const p of splitIntoParts(text, 500)) {
      for (const block of textBlocks(p)) expect(paragraphs.has(block)).toBe(true);
    }
  });

  it('prefers to start a part at a heading once the part is well filled', () => {
    const parts = splitIntoParts(page(12, 4), 1100);
    const atHeading = parts.slice(1).filter((p) => p.startsWith('## ')).length;
    expect(atHeading).toBeGreaterThanOrEqual(Math.ceil((parts.length - 1) / 2));
  });

  it('keeps the parts about equal, so the last one is not a scrap', () => {
    const parts = splitIntoParts(page(10, 10), 1000);
    const sizes = parts.map(estimateTokens);
    expect(Math.min(...sizes)).toBeGreaterThan(Math.max(...sizes) * 0.4);
  });

  it('cuts one huge paragraph between sentences', () => {
    const sentences = Array.from({ length: 200 }, (_, i) => `Sentence number ${i} is about the queen bee.`);
    const parts = splitIntoParts(sentences.join(' '), 300);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(estimateTokens(p)).toBeLessThanOrEqual(300);
      expect(p.trim()).toMatch(/^Sentence number \d+ .*\.$/);
    }
    expect(words(parts.join(' '))).toEqual(words(sentences.join(' ')));
  });

  it('cuts Chinese text at 。 between sentences', () => {
    const text = Array.from({ length: 300 }, (_, i) => `第${i}句讲的是蜜蜂过冬的事情。`).join('');
    const parts = splitIntoParts(text, 400);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(estimateTokens(p)).toBeLessThanOrEqual(400);
      expect(p.endsWith('。')).toBe(true);
    }
    expect(parts.join('')).toBe(text);
  });

  it('cuts text with no sentence or line breaks by characters as a last resort, within the budget', () => {
    const text = 'x'.repeat(30_000);
    const parts = splitIntoParts(text, 500);
    for (const p of parts) expect(estimateTokens(p)).toBeLessThanOrEqual(500);
    expect(parts.join('')).toBe(text);
  });
});
