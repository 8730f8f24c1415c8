import { expect, test } from 'vitest';
import { readTranscript } from '@/utils/video/methods';
import { youtubePlayer } from '@/utils/video/methods/youtube-player';
import { youtubeTranscriptPanel } from '@/utils/video/methods/youtube-transcript-panel';
import type { VideoContext } from '@/utils/video/video-method';
import { fakeSite, route, script } from './fake-site';

const ID = 'abcdefghijk';
const OTHER = 'zyxwvutsrqp';
const WATCH = `https://www.youtube.com/watch?v=${ID}`;

const player = (videoId: string, tracks = [{ baseUrl: `/api/timedtext?v=${videoId}&lang=en`, name: { simpleText: 'English' }, languageCode: 'en' }]) => ({
  playabilityStatus: { status: 'OK' },
  videoDetails: { videoId, title: `Video ${videoId}`, author: 'Geo', lengthSeconds: '600', shortDescription: 'Chapters:\n0:00 Intro\n0:05 Middle\n0:09 End' },
  captions: { playerCaptionsTracklistRenderer: { captionTracks: tracks } },
});

const json3 = (words: string[]) => ({ events: words.map((w, i) => ({ tStartMs: i * 4000, dDurationMs: 4000, segs: [{ utf8: w }] })) });

function ctx(site: ReturnType<typeof fakeSite>, extra: Partial<VideoContext> = {}): VideoContext {
  return { doc: site.doc, win: site.win, fetch: site.fetch, video: { site: 'youtube', id: ID }, answerLanguage: 'en', ...extra };
}

test('reads the page’s caption track as json3, with the token the player used', async () => {
  const site = fakeSite(
    WATCH,
    `<html><body>${script('var ytInitialPlayerResponse = ', player(ID))}</body></html>`,
    [route('www.youtube.com', '/api/timedtext', json3(['hello', 'rivers', 'goodbye']))],
    [`https://www.youtube.com/api/timedtext?v=${ID}&lang=en&pot=TOKEN123&c=WEB`],
  );
  const r = await readTranscript(ctx(site));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.transcript.method).toBe('youtube-player');
  expect(r.transcript.cues.map((c) => c.text)).toEqual(['hello', 'rivers', 'goodbye']);
  expect(r.transcript.chapters.map((c) => c.title)).toEqual(['Intro', 'Middle', 'End']);
  expect(r.transcript.video).toMatchObject({ id: ID, title: `Video ${ID}`, author: 'Geo', durationSeconds: 600 });
  const captionUrl = new URL(site.asked.find((u) => u.includes('/api/timedtext'))!);
  expect(captionUrl.searchParams.get('fmt')).toBe('json3');
  expect(captionUrl.searchParams.get('pot')).toBe('TOKEN123');
  expect(captionUrl.searchParams.get('c')).toBe('WEB');
});

test('after in-page navigation the stale inline data is not used: the watch page is fetched again', async () => {
  const site = fakeSite(WATCH, `<html><body>${script('var ytInitialPlayerResponse = ', player(OTHER))}</body></html>`, [
    route('www.youtube.com', '/watch', `<html><script>var ytInitialPlayerResponse = ${JSON.stringify(player(ID))};</script></html>`),
    (u) => (u.pathname === '/api/timedtext' ? { body: JSON.stringify(json3([`words of ${u.searchParams.get('v')}`])) } : undefined),
  ]);
  const r = await readTranscript(ctx(site));
  expect(r.ok && r.transcript.cues[0].text).toBe(`words of ${ID}`);
  expect(site.asked[0]).toBe(WATCH);
});

test('an XML caption body is read too', async () => {
  const site = fakeSite(WATCH, `<html>${script('var ytInitialPlayerResponse = ', player(ID))}</html>`, [
    route('www.youtube.com', '/api/timedtext', '<transcript><text start="0" dur="2">from xml</text></transcript>'),
  ]);
  const r = await youtubePlayer.read(ctx(site));
  expect(r.ok && r.transcript.cues[0].text).toBe('from xml');
});

test('failures say what happened: ad, no captions, sign-in, changed format', async () => {
  const page = (data: unknown, body = '') => `<html><body>${body}${script('var ytInitialPlayerResponse = ', data)}</body></html>`;
  const ad = fakeSite(WATCH, page(player(ID), '<div class="html5-video-player ad-showing"></div>'), []);
  expect(await readTranscript(ctx(ad))).toMatchObject({ ok: false, reason: 'ad-playing' });
  expect(ad.asked).toEqual([]);
  const none = fakeSite(WATCH, page(player(ID, [])), []);
  expect(await readTranscript(ctx(none))).toMatchObject({ ok: false, reason: 'no-captions' });
  const login = fakeSite(WATCH, page({ ...player(ID), playabilityStatus: { status: 'LOGIN_REQUIRED' } }), []);
  expect(await readTranscript(ctx(login))).toMatchObject({ ok: false, reason: 'login-needed' });
  const changed = fakeSite(WATCH, page(player(ID)), [route('www.youtube.com', '/api/timedtext', { something: 'else' })]);
  expect(await readTranscript(ctx(changed))).toMatchObject({ ok: false, reason: 'changed-format' });
});

const panel = (videoId: string, lines: [string, string][]) =>
  `<ytd-watch-flexy video-id="${videoId}"></ytd-watch-flexy>` +
  lines
    .map(
      ([t, text]) =>
        `<ytd-transcript-segment-renderer><div class="segment-timestamp"> ${t} </div><yt-formatted-string class="segment-text">${text}</yt-formatted-string></ytd-transcript-segment-renderer>`,
    )
    .join('');

test('an empty caption body (the service wants a token) falls back to the open transcript panel', async () => {
  const site = fakeSite(
    WATCH,
    `<html><body>${panel(ID, [
      ['0:00', 'first line'],
      ['0:04', 'second line'],
      ['1:02', 'last'],
    ])}${script('var ytInitialPlayerResponse = ', player(ID))}</body></html>`,
    [route('www.youtube.com', '/api/timedtext', '')],
  );
  const r = await readTranscript(ctx(site));
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.transcript.method).toBe('youtube-transcript-panel');
  expect(r.transcript.cues).toEqual([
    { start: 0, end: 4, text: 'first line' },
    { start: 4, end: 62, text: 'second line' },
    { start: 62, end: 67, text: 'last' },
  ]);
});

test('the transcript panel of another video is refused; no panel and no captions means not read', async () => {
  const stale = fakeSite(WATCH, `<html><body>${panel(OTHER, [['0:00', 'x']])}</body></html>`, []);
  expect(await youtubeTranscriptPanel.read(ctx(stale))).toMatchObject({ ok: false, reason: 'wrong-video' });
  const nothing = fakeSite(WATCH, `<html><body>${script('var ytInitialPlayerResponse = ', player(ID))}</body></html>`, [
    route('www.youtube.com', '/api/timedtext', ''),
  ]);
  expect(await readTranscript(ctx(nothing))).toMatchObject({ ok: false, reason: 'not-here' });
});

test('player data with no caption tracks but the transcript panel open: the panel is read (no tracks alone is still "no captions")', async () => {
  const body = (extra: string) => `<html><body>${extra}${script('var ytInitialPlayerResponse = ', player(ID, []))}</body></html>`;
  const open = fakeSite(
    WATCH,
    body(
      panel(ID, [
        ['0:00', 'said first'],
        ['0:07', 'said next'],
      ]),
    ),
    [],
  );
  const r = await readTranscript(ctx(open));
  expect(r.ok && r.transcript.method).toBe('youtube-transcript-panel');
  expect(r.ok && r.transcript.cues.map((c) => c.text)).toEqual(['said first', 'said next']);
  expect(r.ok && r.transcript.video.durationSeconds).toBe(600);
  expect(open.asked).toEqual([]);
  const closed = fakeSite(WATCH, body(''), []);
  expect(await readTranscript(ctx(closed))).toMatchObject({ ok: false, reason: 'no-captions' });
});
