import { expect, test } from 'vitest';
import { estimateTokens } from '@/utils/kimi/tokens';
import type { Cue } from '@/utils/video/cues';
import { findTimeMarkers } from '@/utils/video/timestamps';
import { endsPastVideo, passageAt, timedPassages, transcriptText } from '@/utils/video/transcript';

const cues = (n: number, every = 3, words = 'the river runs to the sea'): Cue[] =>
  Array.from({ length: n }, (_, i) => ({ start: i * every, end: i * every + every, text: `${words} ${i}` }));

test('passages of about a minute, led by their time, chapters as headings', () => {
  const passages = timedPassages(cues(50), [
    { start: 0, title: 'Intro' },
    { start: 90, title: 'Deltas' },
    { start: 120, title: 'End' },
  ]);
  expect(passages.map((p) => [p.start, p.chapter])).toEqual([
    [0, 'Intro'],
    [60, 'Intro'],
    [90, 'Deltas'],
    [120, 'End'],
  ]);
  const text = transcriptText(passages);
  expect(text.startsWith('## Intro\n[0:00] the river runs to the sea 0 ')).toBe(true);
  expect(text).toContain('\n\n## Deltas\n[1:30] ');
  expect(findTimeMarkers(text).map((m) => m.seconds)).toEqual([0, 60, 90, 120]);
});

test('the hover preview finds the passage a cited moment falls in', () => {
  const passages = timedPassages(cues(100));
  expect(passageAt(passages, 0)?.start).toBe(0);
  expect(passageAt(passages, 61)?.start).toBe(60);
  expect(passageAt(passages, 299)?.start).toBe(240);
  expect(passageAt(passages, -1)).toBeUndefined();
});

test('a three-hour transcript: every cue kept, passages of at most a minute, its size known before sending', () => {
  const threeHours = cues(3600, 3, 'we walk along the riverbank and talk about how the water finds its way');
  const passages = timedPassages(threeHours);
  // A passage closes at a minute or 1,200 characters, whichever comes first.
  expect(passages.length).toBeGreaterThanOrEqual(180);
  for (const p of passages) {
    expect(p.end - p.start).toBeLessThanOrEqual(63);
    expect(p.text.length).toBeLessThanOrEqual(1_200);
  }
  const text = transcriptText(passages);
  for (const c of threeHours) expect(text.includes(c.text)).toBe(true);
  const tokens = estimateTokens(text);
  // ~3,600 lines of ~17 words: about 60–120k tokens, beyond a 32k model and within a 256k one.
  expect(tokens).toBeGreaterThan(32_768);
  expect(tokens).toBeLessThan(262_144);
});

test('a transcript that runs past the video’s end is another video’s; one that ends early is not', () => {
  expect(endsPastVideo(cues(200), 600)).toBe(false);
  expect(endsPastVideo(cues(20), 600)).toBe(false);
  expect(endsPastVideo(cues(202), 600)).toBe(false);
  expect(endsPastVideo(cues(400), 600)).toBe(true);
  expect(endsPastVideo([], 600)).toBe(false);
  expect(endsPastVideo(cues(400), 0)).toBe(false);
});
