import { expect, test } from 'vitest';
import { MAX_TRANSCRIPT_CHARS, choiceOfReading, readVideoPage } from '@/utils/video/read-video';
import { fakeSite, route, script } from './fake-site';

const ID = 'abcdefghijk';
const WATCH = `https://www.youtube.com/watch?v=${ID}`;
const player = (tracks: { lang: string; asr?: boolean }[]) => ({
  playabilityStatus: { status: 'OK' },
  videoDetails: { videoId: ID, title: 'Rivers', author: 'Geo', lengthSeconds: '600', shortDescription: 'About rivers.\n0:00 Intro\n0:05 Middle\n0:09 End' },
  captions: {
    playerCaptionsTracklistRenderer: {
      captionTracks: tracks.map((t) => ({
        baseUrl: `/api/timedtext?v=${ID}&lang=${t.lang}`,
        name: { simpleText: t.lang },
        languageCode: t.lang,
        ...(t.asr ? { kind: 'asr' } : {}),
      })),
    },
  },
});
const json3 = (lines: [number, string][]) =>
  JSON.stringify({ events: lines.map(([s, utf8]) => ({ tStartMs: s * 1000, dDurationMs: 2000, segs: [{ utf8 }] })) });
const page = (tracks = [{ lang: 'en' }, { lang: 'fr', asr: true }]) =>
  `<html><head><title>Rivers - YouTube</title></head><body>${script('var ytInitialPlayerResponse = ', player(tracks))}</body></html>`;
const captions = (body: (lang: string) => string) => (u: URL) =>
  u.pathname === '/api/timedtext' ? { body: body(u.searchParams.get('lang') ?? '') } : undefined;

test('a watch page becomes a page whose text is the timed transcript, with the video, its track and chapters', async () => {
  const site = fakeSite(WATCH, page(), [
    captions((lang) =>
      json3([
        [0, `${lang} hello`],
        [6, `${lang} middle`],
        [70, `${lang} late`],
      ]),
    ),
  ]);
  const r = await readVideoPage(site.doc, site.win, { answerLanguage: 'en' }, site.fetch);
  expect(r.ok).toBe(true);
  if (r.ok !== true) return;
  expect(r.page.text).toBe('## Intro\n[0:00] en hello\n\n## Middle\n[0:06] en middle\n\n## End\n[1:10] en late');
  expect(r.page).toMatchObject({ url: WATCH, title: 'Rivers', selection: '', lang: 'en', source: 'video:youtube-player' });
  expect(r.page.video).toMatchObject({ site: 'youtube', id: ID, part: 1, author: 'Geo', durationSeconds: 600, track: { language: 'en', kind: 'uploaded' } });
  expect(r.page.video!.tracks.map((t) => `${t.language}:${t.kind}`)).toEqual(['en:uploaded', 'fr:automatic']);
  expect(r.page.video!.chapters.map((c) => c.title)).toEqual(['Intro', 'Middle', 'End']);
  expect(r.page.reading).toMatch(new RegExp(`^video:yt:${ID}:en:-:`));
});

test('the same transcript again answers "same"; another track is another reading, and the reading remembers the track', async () => {
  const site = fakeSite(WATCH, page(), [captions((lang) => json3([[0, `${lang} words`]]))]);
  const first = await readVideoPage(site.doc, site.win, { answerLanguage: 'en' }, site.fetch);
  if (first.ok !== true) throw new Error('not read');
  const again = await readVideoPage(site.doc, site.win, { answerLanguage: 'en', known: first.page.reading }, site.fetch);
  expect(again).toEqual({ ok: 'same', same: first.page.reading, selection: '' });
  const picked = await readVideoPage(site.doc, site.win, { answerLanguage: 'en', track: 'fr', known: first.page.reading }, site.fetch);
  if (picked.ok !== true) throw new Error('not read');
  expect(picked.page.text).toBe('## Intro\n[0:00] fr words');
  expect(picked.page.video!.track).toMatchObject({ language: 'fr', kind: 'automatic' });
  expect(choiceOfReading(picked.page.reading)).toEqual({ track: 'fr' });
  expect(choiceOfReading('tab-reading-1')).toEqual({});
});

test('an empty caption body with no transcript panel is "empty" (the service answered nothing), never a title-only page', async () => {
  const site = fakeSite(WATCH, page([{ lang: 'en' }]), [captions(() => '')]);
  expect(await readVideoPage(site.doc, site.win, { answerLanguage: 'en' }, site.fetch)).toEqual({
    ok: false,
    video: 'empty',
    detail: 'no method read any caption text',
  });
});

test('title and description only, when asked: no caption request, the description as text, marked as such', async () => {
  const site = fakeSite(WATCH, page(), [captions(() => json3([[0, 'never read']]))]);
  const r = await readVideoPage(site.doc, site.win, { answerLanguage: 'en', titleOnly: true }, site.fetch);
  if (r.ok !== true) throw new Error('not read');
  expect(site.asked).toEqual([]);
  expect(r.page.text).toBe('About rivers.\n0:00 Intro\n0:05 Middle\n0:09 End');
  expect(r.page.video).toMatchObject({ titleOnly: true, method: 'title-only', title: 'Rivers', tracks: [] });
  expect(choiceOfReading(r.page.reading)).toEqual({ titleOnly: true });
});

test('a page that is not a video says so', async () => {
  const site = fakeSite('https://www.youtube.com/feed/trending', '<html></html>', []);
  expect(await readVideoPage(site.doc, site.win, { answerLanguage: 'en' }, site.fetch)).toEqual({ ok: false, notVideo: true });
});

test('a transcript longer than the reader takes is cut at a line, and says where', async () => {
  const line = 'x'.repeat(1_150);
  const n = Math.ceil(MAX_TRANSCRIPT_CHARS / 1_160) + 50;
  const lines: [number, string][] = Array.from({ length: n }, (_, i) => [i * 61, `${line} ${i}`]);
  const site = fakeSite(WATCH, page([{ lang: 'en' }]), [route('www.youtube.com', '/api/timedtext', json3(lines))]);
  const r = await readVideoPage(site.doc, site.win, { answerLanguage: 'en' }, site.fetch);
  if (r.ok !== true) throw new Error('not read');
  expect(r.page.text.length).toBeLessThanOrEqual(MAX_TRANSCRIPT_CHARS + 200);
  const note = r.page.text.slice(r.page.text.lastIndexOf('\n') + 1);
  expect(note).toMatch(/^\(The transcript is cut here, at \d+:\d\d:\d\d: it is longer than Moonlit reads\.\)$/);
});
