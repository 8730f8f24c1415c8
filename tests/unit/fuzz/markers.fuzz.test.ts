import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { citedNumbers, findMarkers, markerNumbers, partialMarkerLength, withoutMarkers } from '@/utils/citations/markers';
import { check, RUNS, TEST_TIMEOUT } from './fuzz-setup';
import { markerRun, markerText, shortMarkerText } from './arbitraries';
import { oldMarkerGroups, oldWithoutMarkers } from './reference';

describe('citation markers under generated hostile text', () => {
  test(
    `unclosed runs of 24–80 items among prose (${RUNS * 4} inputs): every marker function finishes, and they agree`,
    () => {
      check(
        markerText,
        (text) => {
          const found = [...findMarkers(text)];
          // Each marker found is a closed group at its place, and removing markers removes just those.
          for (const m of found) {
            expect(text.slice(m.index, m.index + m.text.length)).toBe(m.text);
            expect(m.text).toMatch(/^[[【][\s\S]*[\]】]$/);
          }
          const cited = citedNumbers(text);
          expect([...cited].sort((a, b) => a - b)).toEqual([...new Set(found.flatMap((m) => markerNumbers(m.text)))].sort((a, b) => a - b));
          const removed = found.reduce((sum, m) => sum + m.text.length, 0);
          const without = withoutMarkers(text);
          // Each marker goes with at most the one space before it; everything else stays.
          expect(without.length).toBeLessThanOrEqual(text.length - removed);
          expect(without.length).toBeGreaterThanOrEqual(text.length - removed - found.length);
          expect(partialMarkerLength(text)).toBeLessThanOrEqual(text.length);
        },
        RUNS * 4,
      );
    },
    TEST_TIMEOUT,
  );

  test(
    'a single run of up to 80 items with no closing bracket is no marker, and a closed one is',
    () => {
      check(
        markerRun,
        (run) => {
          const groups = [...findMarkers(run)].map((m) => m.text);
          const closed = /[\]】]$/.test(run);
          expect(groups.length).toBe(closed ? 1 : 0);
          if (closed) expect(groups[0]).toBe(run);
        },
        RUNS * 4,
      );
    },
    TEST_TIMEOUT,
  );

  test(
    'on short texts the scanner finds exactly what the old regex found, and removes the same',
    () => {
      check(
        shortMarkerText,
        (text) => {
          expect([...findMarkers(text)].map((m) => m.text)).toEqual(oldMarkerGroups(text));
          expect(withoutMarkers(text)).toBe(oldWithoutMarkers(text));
        },
        3000,
      );
    },
    TEST_TIMEOUT,
  );

  test(
    'every proper prefix of a marker counts as unfinished (hidden while streaming), the whole marker not',
    () => {
      const marker = fc
        .tuple(fc.constantFrom('[', '【'), fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(']', '】'))
        .map(([open, ns, close]) => `${open}${ns.map((n) => `P${n}`).join(', ')}${close}`);
      check(
        fc.tuple(fc.constantFrom('', 'Claim ', 'a.\n'), marker),
        ([before, m]) => {
          for (let cut = 1; cut < m.length; cut++) expect(partialMarkerLength(before + m.slice(0, cut))).toBe(cut);
          expect(partialMarkerLength(before + m)).toBe(0);
          expect(markerNumbers(m).length).toBeGreaterThan(0);
        },
        500,
      );
    },
    TEST_TIMEOUT,
  );
});
