// A long video's transcript read in parts: its lines keep their times (no passage numbers are added), every
// part and the notes are asked to keep them, and the summary asked for is the video's.
import { expect, it } from 'vitest';
import type { AskRequest } from '@/utils/messaging/types';
import type { PageContent } from '@/utils/sources/types';
import { formatTime } from '@/utils/video/timestamps';
import { harness, isPart, longPage } from '../helpers/parts-harness';

it("a long transcript in parts keeps its times, and the summary is the video's", async () => {
  const lines = longPage()
    .text.split('\n')
    .filter((l) => l.trim())
    .map((l, i) => `[${formatTime(i * 20)}] ${l.replace(/^#+ /, '')}`);
  const track = { language: 'en', label: 'English', kind: 'uploaded' as const };
  const page: PageContent = {
    url: 'https://www.youtube.com/watch?v=abcdefghijk',
    title: 'Rivers',
    text: lines.join('\n'),
    selection: '',
    video: {
      site: 'youtube',
      id: 'abcdefghijk',
      part: 1,
      title: 'Rivers',
      author: 'Geo',
      durationSeconds: lines.length * 20,
      description: '',
      chapters: [],
      track,
      tracks: [track],
      method: 'youtube-player',
    },
  };
  const h = harness((r) => ({ answer: isPart(r) ? '- a note [0:20]' : 'done' }));
  const request: AskRequest = { mode: 'summarize', question: '', page, history: [], conversationId: 'c', citations: { first: 1 } };
  h.start(request);
  await h.ended;
  const parts = h.requests.filter(isPart);
  expect(parts.length).toBeGreaterThan(1);
  for (const r of parts) {
    expect(r.page!.text).not.toMatch(/\[P\d+\]/);
    expect(r.page!.text).toMatch(/^\[[\d:]+\] /m);
    expect(r.question).toContain('the times (such as [4:05])');
    expect(r.citations).toEqual({ keep: true });
  }
  expect(h.requests.at(-1)!.question).toContain("organised by the video's chapters");
});
