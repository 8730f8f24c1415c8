import { describe, expect, test } from 'vitest';
import { defuseMarkers, markPassages, splitPassages } from '@/utils/citations/passages';
import { plainWords } from '@/utils/citations/plain-words';

const article = [
  '# Moon landings',
  '',
  'The first crewed landing was in 1969.',
  '',
  '## Missions',
  '',
  '- Apollo 11 landed in the [Sea of Tranquility](https://example.org/sea).',
  '- Apollo 12 followed',
  '  four months later.',
  '1. numbered item',
  '',
  '| Mission | Year |',
  '| --- | --- |',
  '| Apollo 11 | 1969 |',
  '| Apollo 17 | 1972 |',
  '',
  '```js',
  'const a = 1;',
  '',
  'const b = `two`;',
  '```',
  '',
  '> A quoted line',
  '> and its end.',
].join('\n');

describe('splitPassages', () => {
  const passages = splitPassages(article, false);

  test('paragraphs, each list item, each table row and a code block are passages; headings and rules are not', () => {
    expect(passages.map((p) => p.quote)).toEqual([
      'The first crewed landing was in 1969.',
      'Apollo 11 landed in the Sea of Tranquility.',
      'Apollo 12 followed four months later.',
      'numbered item',
      'Mission Year',
      'Apollo 11 1969',
      'Apollo 17 1972',
      'const a = 1; const b = two;',
      'A quoted line and its end.',
    ]);
    expect(passages.map((p) => p.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('positions grow through the page and point at each passage', () => {
    for (const p of passages) expect(article.slice(Math.round(p.at * article.length)).startsWith(p.text.slice(0, 5))).toBe(true);
    const at = passages.map((p) => p.at);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  test('a heading glued to its paragraph is left out of the passage', () => {
    expect(splitPassages('## Title\nBody text here.', false).map((p) => p.quote)).toEqual(['Body text here.']);
  });

  test('PDF page markers give each passage its page and are not passages', () => {
    const pdf = '--- Page 1 ---\n\nFirst page text.\n\nMore on one.\n\n--- Page 2 ---\n\nSecond page.';
    expect(splitPassages(pdf, true).map((p) => [p.quote, p.page])).toEqual([
      ['First page text.', 1],
      ['More on one.', 1],
      ['Second page.', 2],
    ]);
  });

  test('an unclosed code fence is one passage to the end, and empty text has none', () => {
    expect(splitPassages('Intro.\n\n```\ncode\n\nmore', false).map((p) => p.quote)).toEqual(['Intro.', 'code more']);
    expect(splitPassages('', false)).toEqual([]);
    expect(splitPassages('\n\n  \n', false)).toEqual([]);
  });

  test('CJK paragraphs', () => {
    expect(splitPassages('月球是地球唯一的天然卫星。\n\n它的直径约为三千四百公里。', false).map((p) => p.quote)).toEqual([
      '月球是地球唯一的天然卫星。',
      '它的直径约为三千四百公里。',
    ]);
  });
});

describe('markPassages', () => {
  test('opens each passage with its number, after list bullets, and numbers agree with splitPassages', () => {
    const { text, count } = markPassages(article, false);
    expect(count).toBe(splitPassages(article, false).length);
    expect(text).toContain('[P1] The first crewed landing');
    expect(text).toContain('- [P2] Apollo 11 landed');
    expect(text).toContain('- [P3] Apollo 12 followed\n  four months later.');
    expect(text).toContain('1. [P4] numbered item');
    expect(text).toContain('[P6] | Apollo 11 | 1969 |');
    expect(text).toContain('[P8] ```js');
    expect(text).toContain('# Moon landings');
    // Only the markers were added.
    expect(text.replace(/\[P\d+\] /g, '')).toBe(article);
  });

  test('numbering can start later (a part of a long page)', () => {
    expect(markPassages('a\n\nb', false, 41).text).toBe('[P41] a\n\n[P42] b');
  });

  test("the page's own look-alike markers are defused so they can't pose as passages", () => {
    const { text } = markPassages('Trust [P1] and 【P2】 and [p3, P4].', false);
    expect(text.match(/\[P\d+\]/g)).toEqual(['[P1]']);
    expect(text.startsWith('[P1] Trust [P\u20091]')).toBe(true);
    expect(defuseMarkers('x [P12] y')).not.toMatch(/\[P12\]/);
  });

  test('a 1 MB page is marked in one linear pass', () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} ${'word '.repeat(8)}`).join('\n\n');
    const { count } = markPassages(big, false);
    expect(count).toBe(20_000);
    expect(splitPassages(big, false)[19_999].quote).toBe(`Paragraph 19999 ${'word '.repeat(8).trim()}`);
  });
});

describe('plainWords', () => {
  test('drops Markdown syntax but keeps the words, escaped pipes and bare URLs', () => {
    expect(plainWords('- see [the docs](https://x.org/a_(b)) and `code`')).toBe('see the docs and code');
    expect(plainWords('| a \\| b | c |')).toBe('a | b c');
    expect(plainWords('Visit https://example.org now')).toBe('Visit https://example.org now');
  });
});

test('lines of dashes or underscores are not passages', () => {
  expect(splitPassages('One.\n\n---\n\n___\n\n* * *\n\nTwo.', false).map((p) => p.quote)).toEqual(['One.', 'Two.']);
});
