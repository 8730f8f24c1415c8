import SparkMD5 from 'spark-md5';
import { expect, test } from 'vitest';
import { readTranscript } from '@/utils/video/methods';
import type { VideoContext } from '@/utils/video/video-method';
import { mixinKey, signedQuery } from '@/utils/video/wbi';
import { fakeSite, route, script } from './fake-site';

const BV = 'BV1GJ411x7h7';
const NAV = {
  code: -101,
  message: '账号未登录',
  data: {
    isLogin: false,
    wbi_img: {
      img_url: 'https://i0.hdslb.com/bfs/wbi/7cd084941338484aae1ad9425b84077c.png',
      sub_url: 'https://i0.hdslb.com/bfs/wbi/4932caff0ff746eab6f01bf08b70ac45.png',
    },
  },
};

const state = (
  bvid: string,
  pages = [
    { cid: 1001, page: 1, part: 'Intro', duration: 300 },
    { cid: 1002, page: 2, part: 'Main', duration: 600 },
  ],
) => ({
  videoData: { aid: 170001, bvid, title: '河流', owner: { name: 'Geo' }, desc: '0:00 开头\n1:00 中间\n2:00 结尾', duration: 900, pages },
});

const subtitleFile = (lines: [number, string][]) => ({ body: lines.map(([from, content]) => ({ from, to: from + 3, content })) });

function biliSite(opts: { bvid?: string; playerData?: (cid: string | null) => unknown; file?: unknown; pageHtml?: string; part?: number } = {}) {
  const part = opts.part ?? 1;
  const url = `https://www.bilibili.com/video/${BV}/${part > 1 ? `?p=${part}` : ''}`;
  const site = fakeSite(url, opts.pageHtml ?? `<html><body>${script('window.__INITIAL_STATE__=', state(opts.bvid ?? BV))}</body></html>`, [
    route('api.bilibili.com', '/x/web-interface/nav', NAV),
    (u) =>
      u.pathname === '/x/player/wbi/v2'
        ? {
            body: JSON.stringify({
              code: 0,
              message: '0',
              data: opts.playerData ? opts.playerData(u.searchParams.get('cid')) : player(u.searchParams.get('cid')),
            }),
          }
        : undefined,
    route('api.bilibili.com', '/x/player/pagelist', {
      code: 0,
      data: [
        { cid: 1001, page: 1, part: 'Intro', duration: 300 },
        { cid: 1002, page: 2, part: 'Main', duration: 600 },
      ],
    }),
    route(
      'aisubtitle.hdslb.com',
      '/bfs/subtitle/zh.json',
      opts.file ??
        subtitleFile([
          [0, '大家好'],
          [3, '今天聊河流'],
        ]),
    ),
  ]);
  const ctx: VideoContext = { doc: site.doc, win: site.win, fetch: site.fetch, video: { site: 'bilibili', bvid: BV, part }, answerLanguage: 'zh-CN' };
  return { site, ctx };
}

const player = (cid: string | null) => ({
  bvid: BV,
  cid: Number(cid),
  need_login_subtitle: false,
  subtitle: { subtitles: [{ id: 1, lan: 'zh-CN', lan_doc: '中文（中国）', subtitle_url: '//aisubtitle.hdslb.com/bfs/subtitle/zh.json', type: 0 }] },
});

test('the signature: mixing key from the nav answer, sorted query, md5', () => {
  const key = mixinKey(NAV)!;
  expect(key).toBe('ea1db124af3c7062474693fa704f4ff8');
  const q = signedQuery({ foo: '114', bar: '514', zab: 1919810 }, key, 1702204169);
  expect(q).toBe('bar=514&foo=114&wts=1702204169&zab=1919810&w_rid=8f6f2b5b3d485fe1886cec6a0be8c5d4');
  expect(signedQuery({ q: "it's (x)*!" }, key, 1)).toContain('q=its%20x&');
  expect(mixinKey({ data: {} })).toBeUndefined();
});

test('reads the part’s subtitles through the signed player API', async () => {
  const { site, ctx } = biliSite();
  const r = await readTranscript(ctx);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.transcript.cues.map((c) => c.text)).toEqual(['大家好', '今天聊河流']);
  expect(r.transcript.video).toMatchObject({ id: BV, title: '河流 — P1 Intro', author: 'Geo', durationSeconds: 300 });
  expect(r.transcript.chapters.map((c) => c.title)).toEqual(['开头', '中间', '结尾']);
  const call = new URL(site.asked.find((u) => u.includes('/x/player/wbi/v2'))!);
  expect(call.searchParams.get('cid')).toBe('1001');
  const wRid = call.searchParams.get('w_rid');
  const unsigned = call.search.slice(1).replace(/&w_rid=[0-9a-f]+$/, '');
  expect(wRid).toBe(SparkMD5.hash(unsigned + mixinKey(NAV)));
});

test('a multi-part video reads the part in the address', async () => {
  const { site, ctx } = biliSite({ part: 2 });
  const r = await readTranscript(ctx);
  expect(r.ok && r.transcript.video.title).toBe('河流 — P2 Main');
  expect(new URL(site.asked.find((u) => u.includes('/x/player/wbi/v2'))!).searchParams.get('cid')).toBe('1002');
});

test('after in-page navigation the stale page state is not used: the page list gives the cid', async () => {
  const { site, ctx } = biliSite({ bvid: 'BV1xx411c7mD', part: 2 });
  const r = await readTranscript(ctx);
  expect(r.ok).toBe(true);
  expect(site.asked.some((u) => u.includes('/x/player/pagelist?bvid=' + BV))).toBe(true);
  expect(new URL(site.asked.find((u) => u.includes('/x/player/wbi/v2'))!).searchParams.get('cid')).toBe('1002');
});

test('failures: sign-in needed, another part’s answer, subtitles past the end, no captions, another shape', async () => {
  const login = biliSite({ playerData: (cid) => ({ cid: Number(cid), need_login_subtitle: true, subtitle: { subtitles: [] } }) });
  expect(await readTranscript(login.ctx)).toMatchObject({ ok: false, reason: 'login-needed' });
  const other = biliSite({ playerData: () => ({ ...player('999'), cid: 999 }) });
  expect(await readTranscript(other.ctx)).toMatchObject({ ok: false, reason: 'wrong-video' });
  const pastEnd = biliSite({
    file: subtitleFile([
      [0, 'a'],
      [1200, 'b'],
    ]),
  });
  expect(await readTranscript(pastEnd.ctx)).toMatchObject({ ok: false, reason: 'wrong-video' });
  const none = biliSite({ playerData: (cid) => ({ cid: Number(cid), subtitle: { subtitles: [] } }) });
  expect(await readTranscript(none.ctx)).toMatchObject({ ok: false, reason: 'no-captions' });
  const changed = biliSite({ file: { lines: [] } });
  expect(await readTranscript(changed.ctx)).toMatchObject({ ok: false, reason: 'changed-format' });
});
