// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundQuote, ELLIPSIS, SAVED_QUOTE_CHARS } from '@/utils/citations/bounded-quote';
import { locatePassage } from '@/utils/citations/locate';

/** Well-formed UTF-16: every high surrogate followed by a low one, no low one alone. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** Text with words, spaces, CJK, emoji (surrogate pairs) and combining marks, long enough to be cut. */
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(' ', '  ', '\n', '蜂蜜储存在巢房中', '👩‍👩‍👧', '😀', 'e\u0301', '\u3000', 'word'),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const passage = fc.array(piece, { maxLength: 80 }).map((parts) => parts.join(''));

describe('boundQuote (property: any passage)', () => {
  it('is at most N long, a prefix of the passage plus "…" when cut, the passage itself when short, and never splits a surrogate pair', () => {
    fc.assert(
      fc.property(passage, fc.integer({ min: 2, max: 400 }), (text, max) => {
        const q = boundQuote(text, max);
        expect(q.length).toBeLessThanOrEqual(max);
        if (text.length <= max) {
          expect(q).toBe(text);
          return;
        }
        expect(q.endsWith(ELLIPSIS)).toBe(true);
        expect(text.startsWith(q.slice(0, -ELLIPSIS.length))).toBe(true);
        if (wellFormed(text)) expect(wellFormed(q)).toBe(true);
        // Once bounded, it stays as it is: the migration may run on a record any number of times.
        expect(boundQuote(q, max)).toBe(q);
      }),
      { numRuns: 2000 },
    );
  });

  it('cuts after a word when a space is near the limit, between characters in Chinese', () => {
    const words = 'alpha beta gamma '.repeat(40);
    const q = boundQuote(words);
    expect(q.length).toBeLessThanOrEqual(SAVED_QUOTE_CHARS);
    expect(q).toMatch(/(alpha|beta|gamma)…$/);
    expect(q.length).toBeGreaterThan(SAVED_QUOTE_CHARS - 60);
    const zh = '蜂蜜储存在巢房中'.repeat(100);
    expect(boundQuote(zh)).toBe(`${zh.slice(0, SAVED_QUOTE_CHARS - 1)}…`);
    const emoji = 'a' + '😀'.repeat(300);
    expect(wellFormed(boundQuote(emoji))).toBe(true);
  });
});

describe('a bounded quote still finds its passage in the live page', () => {
  it('the short quote of a huge paragraph locates the start of that paragraph, not a look-alike elsewhere', () => {
    const sentence = (i: number) => `Sentence ${i} of the long paragraph tells about hives, honey and the winter cluster.`;
    const long = Array.from({ length: 400 }, (_, i) => sentence(i)).join(' ');
    document.body.innerHTML = `<p>${sentence(5)} An unrelated paragraph.</p><p id="target">${long}</p><p>Tail.</p>`;
    const quote = boundQuote(long);
    expect(quote.length).toBeLessThanOrEqual(SAVED_QUOTE_CHARS);
    const hit = locatePassage(document, { quote, at: 0.1 });
    expect(hit?.match).toBe('exact');
    expect(hit?.range.startContainer.parentElement?.id).toBe('target');
    expect(hit?.range.toString().startsWith('Sentence 0 of the long paragraph')).toBe(true);
  });
});
