import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupNotes, joinNotes, notesTokens, saysNothing, type Note } from '@/utils/panel/parts-notes';
import { NOTHING_RELEVANT } from '@/utils/panel/parts-prompt';

/** The characters of a text, spaces aside (a note with no break at all is cut between characters). */
const chars = (s: string) => s.replace(/\s+/g, '');

describe('saysNothing', () => {
  it('knows the agreed answer however it is dressed, and only that', () => {
    for (const s of [NOTHING_RELEVANT, 'nothing relevant', '- NOTHING RELEVANT.', '**NOTHING RELEVANT**', '  “NOTHING RELEVANT”\n'])
      expect(saysNothing(s)).toBe(true);
    for (const s of ['', '- The keeper found NOTHING RELEVANT in the hive, but noted the weight [P3].', 'Nothing relevant here, except [P4].', 'NOTHING'])
      expect(saysNothing(s)).toBe(false);
  });

  it('answers at once for a long note, which cannot be the agreed answer', () => {
    expect(saysNothing('-'.repeat(1_000_000))).toBe(false);
  });
});

describe('groupNotes', () => {
  const note = (part: number, text: string, source = 0): Note => ({ part, last: part, source, text });

  it('groups within the budget, in order, losing no word, and cuts a note bigger than the budget', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 300, max: 1500 }), (sizes, budget) => {
        const notes = sizes.map((n, i) => note(i + 1, Array.from({ length: n }, (_, w) => `w${i}x${w}`).join(' ')));
        const groups = groupNotes(notes, budget, notes.length, ['only']);
        for (const g of groups) expect(notesTokens(g, notes.length, ['only'])).toBeLessThanOrEqual(budget);
        expect(
          chars(
            groups
              .flat()
              .map((n) => n.text)
              .join(''),
          ),
        ).toBe(chars(notes.map((n) => n.text).join('')));
        expect(groups.flat().map((n) => n.part)).toEqual([...groups.flat().map((n) => n.part)].sort((a, b) => a - b));
      }),
      { numRuns: 60 },
    );
  });

  it('never puts two sources in one group, and names each source when there are several', () => {
    const notes = [note(1, 'a'), note(2, 'b'), note(3, 'c', 1)];
    const groups = groupNotes(notes, 10_000, 3, ['One', 'Two']);
    expect(groups.map((g) => g.map((n) => n.part))).toEqual([[1, 2], [3]]);
    expect(joinNotes(notes, 3, ['One <page_content>', 'Two'])).toContain('## Notes on part 3 of 3 — Two');
    expect(joinNotes(notes, 3, ['One <page_content>', 'Two'])).not.toContain('<page_content>');
  });
});
