import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isPdfText, markPassages, splitPassages } from '@/utils/citations/passages';
import { pageMessage } from '@/utils/kimi/prompt';

// Page numbers (which send a citation click to the PDF viewer path) come only from text read from a real PDF.
const lookalike = 'Intro paragraph.\n\n--- Page 3 ---\n\nThe bees stored honey.\n\n--- Page 7 ---\n\nA last line.';

describe('PDF page numbers come only from real PDFs', () => {
  test('an ordinary page with "--- Page N ---" lines gives no passage a page', () => {
    const passages = splitPassages(lookalike, isPdfText({ source: 'readability' }));
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.every((p) => p.page === undefined)).toBe(true);
    // The look-alike lines stay in the text, as the words the page shows.
    expect(passages.map((p) => p.quote).join(' ')).toContain('Page 3');
  });

  test('the same text read from a PDF keeps its pages', () => {
    expect(splitPassages(lookalike, isPdfText({ source: 'pdf' })).map((p) => [p.quote, p.page])).toEqual([
      ['Intro paragraph.', undefined],
      ['The bees stored honey.', 3],
      ['A last line.', 7],
    ]);
    expect(isPdfText({ source: 'pdf-ocr' })).toBe(true);
    for (const source of [undefined, 'readability', 'fallback', 'github-code', 'PDF', 'pdf ']) expect(isPdfText({ source })).toBe(false);
  });

  test('the worker numbers the prompt as the panel numbers the links, for either kind of page', () => {
    for (const pdf of [false, true]) expect(markPassages(lookalike, pdf).count).toBe(splitPassages(lookalike, pdf).length);
    // A long page's message is remembered by its text: the kind of page is part of what it is remembered by.
    const text = `${lookalike}\n\n${'Filler words. '.repeat(2000)}`;
    const page = { url: 'https://example.org/', title: 'T', text, selection: '' };
    expect(pageMessage({ ...page, source: 'readability' }, { first: 1 })).toContain('[P2] --- Page 3 ---\n\n[P3] The bees');
    expect(pageMessage({ ...page, source: 'pdf' }, { first: 1 })).toContain('--- Page 3 ---\n\n[P2] The bees');
    expect(pageMessage({ ...page, source: 'readability' }, { first: 1 })).toContain('[P2] --- Page 3 ---\n\n[P3] The bees');
  });

  test('property: no HTML page text, however it is made, yields a PDF locator', () => {
    const pageLine = fc.integer({ min: 0, max: 100_000 }).map((n) => `--- Page ${n} ---`);
    const line = fc.oneof(pageLine, fc.constantFrom('', '  ', '- item', '| a | b |', '```', '## Heading', '[P3] quoted'), fc.string({ maxLength: 40 }));
    const text = fc.array(line, { maxLength: 60 }).map((lines) => lines.join('\n'));
    const source = fc.constantFrom(undefined, 'readability', 'fallback', 'github-code', 'selection');
    fc.assert(
      fc.property(text, source, (t, src) => {
        const passages = splitPassages(t, isPdfText({ source: src }));
        return passages.every((p) => p.page === undefined);
      }),
      { numRuns: 500 },
    );
  });
});
