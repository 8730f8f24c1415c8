import fc from 'fast-check';
import { expect, test } from 'vitest';
import { chapterAt, parseChapters } from '@/utils/video/chapters';
import { findTimeMarkers, formatTime, parseTime } from '@/utils/video/timestamps';

test('formatting', () => {
  expect(formatTime(0)).toBe('0:00');
  expect(formatTime(65.9)).toBe('1:05');
  expect(formatTime(3723)).toBe('1:02:03');
  expect(formatTime(-4)).toBe('0:00');
});

test('parsing takes only well-formed times', () => {
  expect(parseTime('4:05')).toBe(245);
  expect(parseTime('1:02:03')).toBe(3723);
  expect(parseTime('120:00')).toBe(7200);
  for (const bad of ['4:5', '4:60', '1:60:00', ':30', '1:02:03:04', '1234:00', 'x', '']) expect(parseTime(bad), bad).toBeNull();
});

test('format and parse agree for any moment', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 999 * 3600 }), (s) => {
      expect(parseTime(formatTime(s))).toBe(s);
    }),
    { numRuns: 500, seed: 16 },
  );
});

test('markers: both bracket kinds, not ranges or other brackets', () => {
  const text = 'At [4:05] and 【1:02:03】, not [4:5] or [P3] or [4:05 or (4:05) or [4:05】.';
  expect(findTimeMarkers(text).map((m) => [text.slice(m.index, m.index + m.length), m.seconds])).toEqual([
    ['[4:05]', 245],
    ['【1:02:03】', 3723],
  ]);
});

test('markers: every written marker is found once, whatever text surrounds it', () => {
  const junk = fc.string({ unit: fc.constantFrom('[', ']', '【', '】', ':', '0', '5', '9', ' ', 'a', 'P'), maxLength: 40 });
  fc.assert(
    fc.property(fc.array(fc.tuple(junk, fc.integer({ min: 0, max: 36_000 })), { maxLength: 8 }), junk, (parts, tail) => {
      // Separate each marker from what precedes it, so junk can't merge into it.
      const text = parts.map(([j, s]) => `${j} [${formatTime(s)}] `).join('') + tail;
      const found = findTimeMarkers(text).map((m) => m.seconds);
      const wanted = parts.map(([, s]) => s);
      // Junk may form markers of its own; ours appear in order among them.
      let i = 0;
      for (const s of found) if (s === wanted[i]) i++;
      expect(i).toBe(wanted.length);
    }),
    { numRuns: 300, seed: 16 },
  );
});

test('markers: a megabyte of marker-shaped text is scanned in one pass', () => {
  const text = '[1:2'.repeat(250_000) + '[0:00:00'.repeat(50_000);
  expect(findTimeMarkers(text)).toEqual([]);
});

test('chapters from a description', () => {
  const description = [
    'A film about rivers.',
    '',
    '0:00 Intro',
    '1:30 - Where rivers start',
    '(12:05) Deltas',
    '▶ 1:02:03 Credits',
    'Links: https://example.org',
  ].join('\n');
  const chapters = parseChapters(description, 4000);
  expect(chapters).toEqual([
    { start: 0, title: 'Intro' },
    { start: 90, title: 'Where rivers start' },
    { start: 725, title: 'Deltas' },
    { start: 3723, title: 'Credits' },
  ]);
  expect(chapterAt(chapters, 100)?.title).toBe('Where rivers start');
  expect(chapterAt(chapters, 0)?.title).toBe('Intro');
});

test('no chapters unless the first is at 0:00, there are three, and they ascend', () => {
  expect(parseChapters('1:00 a\n2:00 b\n3:00 c')).toEqual([]);
  expect(parseChapters('0:00 a\n2:00 b')).toEqual([]);
  expect(parseChapters('0:00 a\n2:00 b\n1:00 c')).toEqual([]);
  expect(parseChapters('')).toEqual([]);
});
