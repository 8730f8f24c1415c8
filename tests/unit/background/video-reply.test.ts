// The video reader's answer is checked where it reaches the worker: typed, bounded, and of the video the tab's
// address names (part included); and the panel's seek and track messages are parsed before anything runs.
import { describe, expect, it } from 'vitest';
import { parseVideoReply } from '@/utils/background/video-reply';
import { parseSeekRequest, parseVideoChoice } from '@/utils/background/seek-tab';
import { MAX_TRANSCRIPT_CHARS } from '@/utils/video/read-video';
import { videoOf, type VideoRef } from '@/utils/video/video-url';

const ID = 'abcdefghijk';
const URL_A = `https://www.youtube.com/watch?v=${ID}`;
const REF = videoOf(URL_A)!;
const track = { language: 'en', label: 'English', kind: 'uploaded' as const };
const video = {
  site: 'youtube',
  id: ID,
  part: 1,
  title: 'Rivers',
  author: 'Geo',
  durationSeconds: 600,
  description: 'About rivers.',
  chapters: [{ start: 0, title: 'Intro' }],
  track,
  tracks: [track],
  method: 'youtube-player',
};
const reply = (page: Record<string, unknown> = {}, v: Record<string, unknown> = {}) => ({
  ok: true,
  page: {
    url: URL_A,
    title: 'Rivers',
    text: '[0:00] hello',
    selection: '',
    lang: 'en',
    source: 'video:youtube-player',
    reading: `video:yt:${ID}:en:-:abc`,
    video: { ...video, ...v },
    ...page,
  },
});

describe("the video reader's answer", () => {
  it('a good one becomes the page, with only the known fields', () => {
    const r = parseVideoReply({ ...reply(), extra: 'x' }, URL_A, REF);
    expect(r).toEqual({ ok: true, page: reply().page });
  });

  it.each([
    [
      'a transcript of another video (the page data lagged behind an in-page navigation)',
      reply({ url: 'https://www.youtube.com/watch?v=zyxwvutsrqp' }, { id: 'zyxwvutsrqp' }),
    ],
    ['video facts of another video', reply({}, { id: 'zyxwvutsrqp' })],
    ['a reading named for another video', reply({ reading: 'video:yt:zyxwvutsrqp:en:-:abc' })],
  ])('%s: wrong-video, nothing kept', (_, raw) => {
    expect(parseVideoReply(raw, URL_A, REF)).toMatchObject({ ok: false, reason: 'video', video: 'wrong-video' });
  });

  it('another part of a Bilibili video is another video', () => {
    const p2 = 'https://www.bilibili.com/video/BV1Moon4Bees?p=2';
    const ref: VideoRef = videoOf(p2)!;
    const bili = { site: 'bilibili', id: 'BV1Moon4Bees', part: 1 };
    const raw = reply({ url: 'https://www.bilibili.com/video/BV1Moon4Bees?p=1', reading: 'video:bili:BV1Moon4Bees:1:zh:-:abc' }, bili);
    expect(parseVideoReply(raw, p2, ref)).toMatchObject({ ok: false, video: 'wrong-video' });
    const right = reply({ url: p2, reading: 'video:bili:BV1Moon4Bees:2:zh:-:abc' }, { ...bili, part: 2 });
    expect(parseVideoReply(right, p2, ref).ok).toBe(true);
  });

  it.each([
    ['no answer', null],
    ['a text over the bound', reply({ text: 'x'.repeat(MAX_TRANSCRIPT_CHARS + 201) })],
    ['a description over the bound', reply({}, { description: 'x'.repeat(20_001) })],
    ['a track of an unknown kind', reply({}, { track: { ...track, kind: 'dubbed' } })],
    ['too many tracks', reply({}, { tracks: Array.from({ length: 101 }, () => track) })],
    ['a chapter without a time', reply({}, { chapters: [{ title: 'Intro' }] })],
    ['an unknown failure', { ok: false, video: 'gremlins' }],
    ['"same" for another video', { ok: 'same', same: 'video:yt:zyxwvutsrqp:en:-:abc', selection: '' }],
  ])('%s: refused as an unknown shape', (_, raw) => {
    expect(parseVideoReply(raw, URL_A, REF)).toMatchObject({ ok: false, reason: 'injection-failed' });
  });

  it('a failure the reader names goes to the panel with its bounded detail', () => {
    expect(parseVideoReply({ ok: false, video: 'login-needed', detail: 'x'.repeat(201) }, URL_A, REF)).toEqual({
      ok: false,
      reason: 'video',
      url: URL_A,
      video: 'login-needed',
    });
    expect(parseVideoReply({ ok: false, video: 'ad-playing', detail: 'ad' }, URL_A, REF)).toEqual({
      ok: false,
      reason: 'video',
      url: URL_A,
      video: 'ad-playing',
      detail: 'ad',
    });
  });

  it('"same" for this video passes', () => {
    expect(parseVideoReply({ ok: 'same', same: `video:yt:${ID}:en:-:abc`, selection: 'ignored' }, URL_A, REF)).toEqual({
      ok: 'same',
      same: `video:yt:${ID}:en:-:abc`,
      selection: '',
    });
  });
});

describe("the panel's video messages", () => {
  it('a seek needs a tab, a video address and a moment', () => {
    expect(parseSeekRequest({ tabId: 3, url: URL_A, seconds: 120 })).toEqual({ tabId: 3, url: URL_A, seconds: 120 });
    expect(parseSeekRequest({ tabId: 3, url: 'https://example.org/', seconds: 120 })).toBeNull();
    expect(parseSeekRequest({ tabId: 3, url: URL_A, seconds: -1 })).toBeNull();
    expect(parseSeekRequest({ tabId: 3, url: URL_A, seconds: Number.NaN })).toBeNull();
    expect(parseSeekRequest({ tabId: 1.5, url: URL_A, seconds: 1 })).toBeNull();
  });

  it('a track choice keeps only a short language code and a true title-only', () => {
    expect(parseVideoChoice({ track: 'zh-Hans', titleOnly: true, other: 1 })).toEqual({ track: 'zh-Hans', titleOnly: true });
    expect(parseVideoChoice({ track: 'x'.repeat(41), titleOnly: 'yes' })).toEqual({});
    expect(parseVideoChoice('en')).toBeUndefined();
  });
});
