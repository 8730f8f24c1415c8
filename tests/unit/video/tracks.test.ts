import { expect, test } from 'vitest';
import { bilibiliTracks, pickTrack, youtubeTracks, type CaptionTrack } from '@/utils/video/tracks';

const player = (videoId: string, extra: Record<string, unknown> = {}) => ({
  playabilityStatus: { status: 'OK' },
  videoDetails: { videoId, title: 'Rivers\nof the world', author: 'Geo', lengthSeconds: '3600', shortDescription: '0:00 Intro' },
  captions: {
    playerCaptionsTracklistRenderer: {
      captionTracks: [
        {
          baseUrl: 'https://www.youtube.com/api/timedtext?v=abc&lang=en',
          name: { simpleText: 'English' },
          vssId: '.en',
          languageCode: 'en',
          isTranslatable: true,
        },
        {
          baseUrl: 'https://www.youtube.com/api/timedtext?v=abc&lang=en&kind=asr',
          name: { runs: [{ text: 'English (auto-generated)' }] },
          vssId: 'a.en',
          languageCode: 'en',
          kind: 'asr',
        },
        { name: { simpleText: 'no url' }, languageCode: 'de' },
      ],
    },
  },
  ...extra,
});

test('YouTube: tracks from the player response, checked against the page’s video', () => {
  const r = youtubeTracks(player('abcdefghijk'), 'abcdefghijk');
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.video).toMatchObject({ id: 'abcdefghijk', title: 'Rivers of the world', author: 'Geo', durationSeconds: 3600 });
  expect(r.tracks.map((t) => [t.language, t.kind, t.label])).toEqual([
    ['en', 'uploaded', 'English'],
    ['en', 'automatic', 'English (auto-generated)'],
  ]);
});

test('YouTube: another video, sign-in, unplayable, another shape', () => {
  expect(youtubeTracks(player('zzzzzzzzzzz'), 'abcdefghijk')).toMatchObject({ ok: false, reason: 'wrong-video' });
  expect(youtubeTracks(player('abcdefghijk', { playabilityStatus: { status: 'LOGIN_REQUIRED' } }), 'abcdefghijk')).toMatchObject({
    ok: false,
    reason: 'login-needed',
  });
  expect(youtubeTracks(player('abcdefghijk', { playabilityStatus: { status: 'ERROR' } }), 'abcdefghijk')).toMatchObject({ ok: false, reason: 'unplayable' });
  expect(youtubeTracks({}, 'abcdefghijk')).toMatchObject({ ok: false, reason: 'changed-format' });
  const none = youtubeTracks(player('abcdefghijk', { captions: undefined }), 'abcdefghijk');
  expect(none).toMatchObject({ ok: true, tracks: [] });
});

const facts = { id: 'BV1GJ411x7h7', title: 't', author: 'a', durationSeconds: 600, description: '' };
const biliAnswer = (data: Record<string, unknown>, code = 0) => ({ code, message: '0', ttl: 1, data });

test('Bilibili: subtitle list for the part, ids checked, protocol-relative URLs made https', () => {
  const answer = biliAnswer({
    aid: 170001,
    bvid: 'BV1GJ411x7h7',
    cid: 279786,
    need_login_subtitle: false,
    subtitle: {
      allow_submit: false,
      subtitles: [
        { id: 1, lan: 'zh-CN', lan_doc: '中文（中国）', is_lock: false, subtitle_url: '//aisubtitle.hdslb.com/bfs/subtitle/1.json', type: 0 },
        { id: 2, lan: 'ai-en', lan_doc: 'English (AI)', subtitle_url: 'https://aisubtitle.hdslb.com/bfs/ai_subtitle/2.json', type: 1, ai_type: 1 },
      ],
    },
  });
  const r = bilibiliTracks(answer, { bvid: 'BV1GJ411x7h7', cid: 279786 }, facts);
  expect(r).toMatchObject({ ok: true });
  if (!r.ok) return;
  expect(r.tracks).toEqual([
    { language: 'zh-CN', label: '中文（中国）', kind: 'uploaded', url: 'https://aisubtitle.hdslb.com/bfs/subtitle/1.json' },
    { language: 'ai-en', label: 'English (AI)', kind: 'automatic', url: 'https://aisubtitle.hdslb.com/bfs/ai_subtitle/2.json' },
  ]);
});

test('Bilibili: another part’s or video’s answer, sign-in needed, an error code, another shape', () => {
  const sub = { subtitles: [] };
  expect(bilibiliTracks(biliAnswer({ cid: 1, subtitle: sub }), { bvid: 'BV1GJ411x7h7', cid: 2 }, facts)).toMatchObject({ ok: false, reason: 'wrong-video' });
  expect(bilibiliTracks(biliAnswer({ cid: 2, bvid: 'BV1xxxxxxxxx', subtitle: sub }), { bvid: 'BV1GJ411x7h7', cid: 2 }, facts)).toMatchObject({
    ok: false,
    reason: 'wrong-video',
  });
  expect(bilibiliTracks(biliAnswer({ cid: 2, need_login_subtitle: true, subtitle: sub }), { bvid: 'BV1GJ411x7h7', cid: 2 }, facts)).toMatchObject({
    ok: false,
    reason: 'login-needed',
  });
  expect(bilibiliTracks(biliAnswer({}, -412), { cid: 2 }, facts)).toMatchObject({ ok: false, reason: 'service-error' });
  expect(bilibiliTracks(biliAnswer({ cid: 2 }), { cid: 2 }, facts)).toMatchObject({ ok: false, reason: 'changed-format' });
});

const track = (language: string, kind: CaptionTrack['kind']): CaptionTrack => ({ language, kind, label: language, url: `u/${language}/${kind}` });

test('track choice: answer language (uploaded first), else the spoken language, else uploaded', () => {
  const tracks = [track('de', 'uploaded'), track('en', 'automatic'), track('en', 'uploaded'), track('zh-Hans', 'uploaded')];
  expect(pickTrack(tracks, 'en')?.url).toBe('u/en/uploaded');
  expect(pickTrack(tracks, 'zh-CN')?.url).toBe('u/zh-Hans/uploaded');
  expect(pickTrack(tracks, 'fr')?.url).toBe('u/en/uploaded');
  expect(pickTrack([track('de', 'uploaded'), track('ja', 'automatic')], 'fr')?.url).toBe('u/de/uploaded');
  expect(pickTrack([track('ai-zh', 'automatic')], 'zh')?.url).toBe('u/ai-zh/automatic');
  expect(pickTrack([], 'en')).toBeUndefined();
});
