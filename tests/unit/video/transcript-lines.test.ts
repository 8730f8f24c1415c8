import { expect, test } from 'vitest';
import { transcriptLineAt } from '@/utils/video/transcript-lines';

const TEXT = '## Intro\n[0:00] hello there\n[1:00] the middle\n\n## End\n[1:02:03] the end\n[not a time] x';

test('the line a moment falls in: the last one starting at or before it', () => {
  expect(transcriptLineAt(TEXT, 0)).toBe('hello there');
  expect(transcriptLineAt(TEXT, 59)).toBe('hello there');
  expect(transcriptLineAt(TEXT, 60)).toBe('the middle');
  expect(transcriptLineAt(TEXT, 3723)).toBe('the end');
  expect(transcriptLineAt(TEXT, 99_999)).toBe('the end');
});

test('nothing before the first line, and no line in text without times', () => {
  expect(transcriptLineAt('[0:10] later', 5)).toBe('');
  expect(transcriptLineAt('plain text\n[x] no', 5)).toBe('');
});
