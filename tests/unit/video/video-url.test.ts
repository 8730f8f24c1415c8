import { expect, test } from 'vitest';
import { parseStartParam, sameVideo, videoOf } from '@/utils/video/video-url';

test('YouTube addresses in every form the issue lists', () => {
  const id = 'dQw4w9WgXcQ';
  for (const url of [
    `https://www.youtube.com/watch?v=${id}`,
    `https://youtube.com/watch?feature=share&v=${id}`,
    `https://m.youtube.com/watch?v=${id}`,
    `https://youtu.be/${id}`,
    `https://www.youtube.com/shorts/${id}`,
    `https://www.youtube.com/embed/${id}`,
    `https://www.youtube-nocookie.com/embed/${id}`,
    `https://www.youtube.com/live/${id}`,
  ]) {
    expect(videoOf(url), url).toEqual({ site: 'youtube', id });
  }
  expect(videoOf(`https://youtu.be/${id}?t=90`)).toEqual({ site: 'youtube', id, startSeconds: 90 });
  expect(videoOf(`https://www.youtube.com/watch?v=${id}&t=1m5s`)).toEqual({ site: 'youtube', id, startSeconds: 65 });
});

test('not a video: other paths, other hosts, look-alike hosts, bad ids', () => {
  for (const url of [
    'https://www.youtube.com/',
    'https://www.youtube.com/results?search_query=x',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/watch/extra?v=dQw4w9WgXcQ',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ',
    'https://b23.tv/abc123',
    'https://www.bilibili.com/video/',
    'https://www.bilibili.com/video/BV0000000000',
    'https://www.bilibili.com/read/cv123',
    'ftp://youtu.be/dQw4w9WgXcQ',
    'not a url',
  ]) {
    expect(videoOf(url), url).toBeNull();
  }
});

test('Bilibili: BV and av ids, parts', () => {
  expect(videoOf('https://www.bilibili.com/video/BV1GJ411x7h7/')).toEqual({ site: 'bilibili', bvid: 'BV1GJ411x7h7', part: 1 });
  expect(videoOf('https://www.bilibili.com/video/BV1GJ411x7h7?p=3&spm_id_from=x')).toEqual({ site: 'bilibili', bvid: 'BV1GJ411x7h7', part: 3 });
  expect(videoOf('https://m.bilibili.com/video/av170001')).toEqual({ site: 'bilibili', aid: 170001, part: 1 });
  expect(videoOf('https://www.bilibili.com/video/BV1GJ411x7h7?p=-2')).toEqual({ site: 'bilibili', bvid: 'BV1GJ411x7h7', part: 1 });
});

test('start times', () => {
  expect(parseStartParam('42')).toBe(42);
  expect(parseStartParam('42s')).toBe(42);
  expect(parseStartParam('1h2m3s')).toBe(3723);
  expect(parseStartParam('abc')).toBeUndefined();
  expect(parseStartParam('')).toBeUndefined();
});

test('same video: id and, on Bilibili, part', () => {
  expect(sameVideo({ site: 'youtube', id: 'a' }, { site: 'youtube', id: 'a', startSeconds: 3 })).toBe(true);
  expect(sameVideo({ site: 'youtube', id: 'a' }, { site: 'youtube', id: 'b' })).toBe(false);
  expect(sameVideo({ site: 'bilibili', bvid: 'BVx', part: 1 }, { site: 'bilibili', bvid: 'BVx', part: 2 })).toBe(false);
  expect(sameVideo({ site: 'bilibili', bvid: 'BVx', part: 2 }, { site: 'bilibili', bvid: 'BVx', aid: 5, part: 2 })).toBe(true);
  expect(sameVideo({ site: 'bilibili', aid: 4, part: 1 }, { site: 'bilibili', bvid: 'BVx', part: 1 })).toBe(false);
  expect(sameVideo({ site: 'youtube', id: 'a' }, { site: 'bilibili', bvid: 'a', part: 1 })).toBe(false);
});
