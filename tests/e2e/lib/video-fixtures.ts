// The videos tests/e2e/video.e2e.ts serves under the real YouTube and Bilibili host names: watch pages and API
// answers written here from the documented shapes (player data, json3, the Bilibili player API and subtitle file).

export interface YtVideo {
  id: string;
  title: string;
  author: string;
  lengthSeconds: number;
  description: string;
  /** Caption tracks; none means a video without captions. */
  tracks: { lang: string; name: string; asr?: boolean }[];
  /** Transcript lines, [seconds, text], served for every track (empty body when `emptyCaptions`). */
  lines: [number, string][];
  emptyCaptions?: boolean;
  /** The player shows an ad when the page loads. */
  ad?: boolean;
  /** The player data's playability status (`OK` when absent): `UNPLAYABLE`, `LOGIN_REQUIRED`. */
  status?: string;
  /** The page has its transcript panel open, showing `lines`. */
  transcriptPanel?: boolean;
}

export interface BiliVideo {
  bvid: string;
  aid: number;
  title: string;
  owner: string;
  desc: string;
  parts: { cid: number; part: string; duration: number; lines: [number, string][] }[];
  /** The player API says the subtitles need a signed-in account. */
  loginNeeded?: boolean;
  /** The player API answers for another part (the older endpoint's known fault). */
  wrongCid?: boolean;
}

/** Said once, at 2:00 of the first video: tests look for it in the chat request. */
export const CLUSTER_LINE = 'The cluster shivers its flight muscles to hold thirty-five degrees at the core.';
export const TOPBAR_LINE = 'Cut the top bars from cedar, thirty-two millimetres wide, so the comb hangs straight.';
export const PART2_LINE = '第二部分：蜂王的产卵区在中间的巢脾上，四周是花粉和蜜。';
export const PART1_LINE = '第一部分：打开蜂箱之前先点燃喷烟器。';
/** Said at 1:00 of the video read from its transcript panel. */
export const BROOD_LINE = 'Capped brood sits in the middle of the frame, with a rim of pollen around it.';

const filler = (from: number, to: number, what: string): [number, string][] =>
  Array.from({ length: Math.floor((to - from) / 20) }, (_, i) => [from + i * 20, `${what}, note ${i + 1}.`]);

/** A video whose player data refuses to play it here (`status`): its captions are listed but never asked for. */
const refused = (id: string, title: string, status: string): YtVideo => ({
  id,
  title,
  author: 'Orchard Notes',
  lengthSeconds: 60,
  description: 'Not for everyone.',
  tracks: [{ lang: 'en', name: 'English' }],
  lines: [[0, 'never read']],
  status,
});

export const YT: Record<string, YtVideo> = {
  winter: {
    id: 'moonBeeA001',
    title: 'How Bees Keep Warm in Winter',
    author: 'Orchard Notes',
    lengthSeconds: 300,
    description: 'A winter hive, opened for thirty seconds.\n\n0:00 Intro\n1:00 The cluster\n3:00 Feeding in January\n\nFilmed in the orchard.',
    tracks: [
      { lang: 'en', name: 'English' },
      { lang: 'de', name: 'German (auto-generated)', asr: true },
    ],
    lines: [...filler(0, 120, 'Winter intro'), [120, CLUSTER_LINE], ...filler(140, 300, 'Feeding')],
  },
  topbar: {
    id: 'moonBeeB002',
    title: 'Building a Top-Bar Hive',
    author: 'Orchard Notes',
    lengthSeconds: 200,
    description: 'A hive from one plank.',
    tracks: [{ lang: 'en', name: 'English' }],
    lines: [...filler(0, 60, 'Tools'), [60, TOPBAR_LINE], ...filler(80, 200, 'Assembly')],
  },
  silent: { id: 'moonNoCap03', title: 'Hives at Dawn (no words)', author: 'Orchard Notes', lengthSeconds: 90, description: 'Ambient.', tracks: [], lines: [] },
  emptied: {
    id: 'moonEmpty04',
    title: 'Smoker Basics',
    author: 'Orchard Notes',
    lengthSeconds: 120,
    description: 'Which fuel burns cool: pine needles and dry grass.',
    tracks: [{ lang: 'en', name: 'English' }],
    lines: [[0, 'unused']],
    emptyCaptions: true,
  },
  advert: {
    id: 'moonAdvert5',
    title: 'Queen Marking',
    author: 'Orchard Notes',
    lengthSeconds: 100,
    description: 'Marking a queen.',
    tracks: [{ lang: 'en', name: 'English' }],
    lines: [[0, 'Mark the queen with a dot of paint on the thorax.']],
    ad: true,
  },
  // No caption track in the player data, but the transcript panel is open in the page.
  panelOnly: {
    id: 'moonPanel06',
    title: 'Reading a Frame of Brood',
    author: 'Orchard Notes',
    lengthSeconds: 240,
    description: 'Capped brood, larvae and eggs.',
    tracks: [],
    lines: [...filler(0, 60, 'Frame'), [60, BROOD_LINE], ...filler(80, 240, 'Brood')],
    transcriptPanel: true,
  },
  unplayable: refused('moonUnplay7', 'Removed Video', 'UNPLAYABLE'),
  signIn: refused('moonSignIn8', 'Members Only Hive Tour', 'LOGIN_REQUIRED'),
};

export const BILI: Record<string, BiliVideo> = {
  parts: {
    bvid: 'BV1Moon4Bees',
    aid: 170001,
    title: '蜂箱检查全过程',
    owner: '果园养蜂人',
    desc: '两集：开箱与看脾。',
    parts: [
      {
        cid: 5001,
        part: '开箱',
        duration: 90,
        lines: [
          [0, PART1_LINE],
          [30, '第一部分：轻轻撬开箱盖。'],
        ],
      },
      {
        cid: 5002,
        part: '看脾',
        duration: 120,
        lines: [
          [0, '第二部分：取出第一张巢脾。'],
          [40, PART2_LINE],
        ],
      },
    ],
  },
  login: {
    bvid: 'BV1Login2Sub',
    aid: 170002,
    title: '需要登录的字幕',
    owner: '果园养蜂人',
    desc: '',
    parts: [{ cid: 5003, part: '', duration: 60, lines: [[0, '看不到的字幕。']] }],
    loginNeeded: true,
  },
  wrong: {
    bvid: 'BV1Wrong3Cid',
    aid: 170003,
    title: '字幕错位的视频',
    owner: '果园养蜂人',
    desc: '',
    parts: [{ cid: 5004, part: '', duration: 60, lines: [[0, '别的视频的字幕。']] }],
    wrongCid: true,
  },
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
/** JSON inside an inline script: `<` escaped so no text can close the script. */
const inline = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

export function playerResponse(v: YtVideo) {
  return {
    playabilityStatus: v.status ? { status: v.status, reason: 'This video is not available' } : { status: 'OK' },
    videoDetails: { videoId: v.id, title: v.title, author: v.author, lengthSeconds: String(v.lengthSeconds), shortDescription: v.description },
    ...(v.tracks.length
      ? {
          captions: {
            playerCaptionsTracklistRenderer: {
              captionTracks: v.tracks.map((t) => ({
                baseUrl: `https://www.youtube.com/api/timedtext?v=${v.id}&lang=${t.lang}${t.asr ? '&kind=asr' : ''}`,
                name: { simpleText: t.name },
                languageCode: t.lang,
                ...(t.asr ? { kind: 'asr' } : {}),
              })),
            },
          },
        }
      : {}),
  };
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;

/** The transcript panel as YouTube draws it when the user opens it: a segment per line, its start time and text. */
const transcriptPanel = (v: YtVideo) =>
  `<ytd-engagement-panel-section-list-renderer target-id="engagement-panel-searchable-transcript">${v.lines
    .map(
      ([s, text]) =>
        `<ytd-transcript-segment-renderer><div class="segment-timestamp">${clock(s)}</div><yt-formatted-string class="segment-text">${esc(text)}</yt-formatted-string></ytd-transcript-segment-renderer>`,
    )
    .join('')}</ytd-engagement-panel-section-list-renderer>`;

/**
 * A watch page: the player (a real `<video>`, which counts its `play` events in `data-plays`: events reach the page
 * whichever script world called play()), the watch element with its video id, and the player data inline.
 */
export function youtubePage(v: YtVideo): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(v.title)} - YouTube</title>
<meta name="description" content="${esc(v.description)}"></head><body>
<ytd-watch-flexy video-id="${v.id}">
<div id="movie_player" class="html5-video-player${v.ad ? ' ad-showing' : ''}"><video width="640" height="360" muted></video></div>
<h1 class="ytd-watch-metadata">${esc(v.title)}</h1>
<p>Recommended: 40 more videos about bees. Comments (312).</p>
${v.transcriptPanel ? transcriptPanel(v) : ''}
</ytd-watch-flexy>
<script>var ytInitialPlayerResponse = ${inline(playerResponse(v))};</script>
<script>
document.querySelector('video').addEventListener('play', (e) => { e.target.dataset.plays = String(Number(e.target.dataset.plays || 0) + 1); });
// In-page navigation as the site does it: the address and the watch element change, the inline data does not.
window.goTo = (id, title) => { history.pushState({}, '', '/watch?v=' + id); document.title = title + ' - YouTube'; document.querySelector('ytd-watch-flexy').setAttribute('video-id', id); };
</script></body></html>`;
}

/** json3 for `v`'s lines (times in milliseconds). */
export function json3(v: YtVideo): string {
  if (v.emptyCaptions) return '';
  const events = v.lines.map(([s, text], i) => ({ tStartMs: s * 1000, dDurationMs: ((v.lines[i + 1]?.[0] ?? s + 5) - s) * 1000, segs: [{ utf8: text }] }));
  return JSON.stringify({ wireMagic: 'pb3', events: [{ tStartMs: 0, dDurationMs: 0, id: 1 }, ...events] });
}

export function bilibiliPage(v: BiliVideo): string {
  const state = {
    aid: v.aid,
    bvid: v.bvid,
    videoData: {
      aid: v.aid,
      bvid: v.bvid,
      title: v.title,
      desc: v.desc,
      duration: v.parts.reduce((n, p) => n + p.duration, 0),
      owner: { mid: 9001, name: v.owner },
      pages: v.parts.map((p, i) => ({ cid: p.cid, page: i + 1, part: p.part, duration: p.duration })),
    },
  };
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(v.title)}_哔哩哔哩_bilibili</title></head><body>
<div class="bpx-player-container"><video width="640" height="360" muted></video></div>
<h1 class="video-title">${esc(v.title)}</h1><p>评论 (88)</p>
<script>window.__INITIAL_STATE__=${inline(state)};(function(){}());</script>
</body></html>`;
}

/** The signed player API's answer for `cid` of `v`. */
export function biliPlayer(v: BiliVideo, cid: number) {
  const part = v.parts.find((p) => p.cid === cid);
  const answeredCid = v.wrongCid ? cid + 1000 : cid;
  const subtitles =
    v.loginNeeded || !part
      ? []
      : [{ id: cid * 10, lan: 'zh-CN', lan_doc: '中文（中国）', subtitle_url: `//api.bilibili.com/test-subtitles/${cid}.json`, type: 0 }];
  return {
    code: 0,
    message: '0',
    ttl: 1,
    data: {
      aid: v.aid,
      bvid: v.bvid,
      cid: answeredCid,
      need_login_subtitle: !!v.loginNeeded,
      subtitle: { allow_submit: false, lan: '', lan_doc: '', subtitles },
    },
  };
}

export function biliSubtitle(v: BiliVideo, cid: number) {
  const part = v.parts.find((p) => p.cid === cid)!;
  return {
    font_size: 0.4,
    type: 'AIsubtitle',
    lang: 'zh',
    body: part.lines.map(([s, content], i) => ({ from: s, to: part.lines[i + 1]?.[0] ?? s + 5, sid: i + 1, location: 2, content })),
  };
}
