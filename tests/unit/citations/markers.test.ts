import { describe, expect, test } from 'vitest';
import { citedNumbers, markerNumbers, partialMarkerLength, withoutMarkers } from '@/utils/citations/markers';

describe('markers', () => {
  test('single, grouped, ranged, full-width and lower-case markers', () => {
    expect([...citedNumbers('A [P3]. B [P3, P7]; C [P4–P6] D 【P9】 E [p2][P11]')]).toEqual([3, 7, 4, 5, 6, 9, 2, 11]);
  });

  test('ranges are bounded and reversed ranges name only their start', () => {
    expect(markerNumbers('[P1-P99999]')).toEqual([1]);
    expect(markerNumbers('[P8-P5]')).toEqual([8]);
    expect(markerNumbers('[P1-P3, P2]')).toEqual([1, 2, 3]);
  });

  test('text that only looks like a marker is not one', () => {
    expect([...citedNumbers('[1] [P] [Page 3] [P3a] [ P ] [P123456] [P3](https://x) [P3"><img src=x>]')]).toEqual([3]);
  });

  test('an unfinished marker at the end is measured so it can be hidden', () => {
    for (const tail of ['[', '[P', '[P1', '[P12', '[P1, P', '[P1, P2', '【P', '[P3–']) {
      expect(partialMarkerLength(`Claim ${tail}`)).toBe(tail.length);
    }
    expect(partialMarkerLength('Claim [P1] done')).toBe(0);
    expect(partialMarkerLength('Claim [P1]')).toBe(0);
    expect(partialMarkerLength('array[0')).toBe(0);
  });

  test('withoutMarkers removes every marker and the space before it', () => {
    expect(withoutMarkers('Fact one [P1]. Fact two [P2, P3][P4].')).toBe('Fact one. Fact two.');
  });
});
