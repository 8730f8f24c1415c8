// Which video a URL shows. Matching is by exact host and path shape, never a pattern over the whole URL.

export type VideoRef = { site: 'youtube'; id: string; startSeconds?: number } | { site: 'bilibili'; bvid?: string; aid?: number; part: number };

const YOUTUBE_HOSTS = new Set(['www.youtube.com', 'youtube.com', 'm.youtube.com', 'music.youtube.com', 'www.youtube-nocookie.com']);
const BILIBILI_HOSTS = new Set(['www.bilibili.com', 'bilibili.com', 'm.bilibili.com']);

const isYouTubeId = (s: string | null | undefined): s is string => !!s && /^[A-Za-z0-9_-]{11}$/.test(s);
/** BV ids are "BV1" or "BV" plus base58 characters, 12 in all. */
const isBvid = (s: string): boolean => /^BV[1-9A-HJ-NP-Za-km-z]{10}$/.test(s);

/** `t=90`, `t=1m30s`, `t=1h2m3s`: YouTube's start time, in seconds. */
export function parseStartParam(t: string | null): number | undefined {
  if (!t) return undefined;
  if (/^\d{1,6}s?$/.test(t)) return parseInt(t, 10);
  const m = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** The video `url` shows, or null. b23.tv short links count only after their redirect. */
export function videoOf(url: string): VideoRef | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.toLowerCase();
  const segs = u.pathname.split('/').filter(Boolean);
  if (host === 'youtu.be') {
    return isYouTubeId(segs[0]) ? youtube(segs[0], u) : null;
  }
  if (YOUTUBE_HOSTS.has(host)) {
    if (segs[0] === 'watch' && segs.length === 1) {
      const v = u.searchParams.get('v');
      return isYouTubeId(v) ? youtube(v, u) : null;
    }
    if (['shorts', 'embed', 'live', 'v'].includes(segs[0] ?? '') && isYouTubeId(segs[1])) return youtube(segs[1], u);
    return null;
  }
  if (BILIBILI_HOSTS.has(host) && segs[0] === 'video' && segs[1]) {
    const p = Number(u.searchParams.get('p') ?? '1');
    const part = Number.isInteger(p) && p >= 1 && p <= 10_000 ? p : 1;
    const id = segs[1];
    if (isBvid(id)) return { site: 'bilibili', bvid: id, part };
    const av = /^av(\d{1,18})$/i.exec(id);
    if (av) return { site: 'bilibili', aid: Number(av[1]), part };
  }
  return null;
}

function youtube(id: string, u: URL): VideoRef {
  const startSeconds = parseStartParam(u.searchParams.get('t') ?? u.searchParams.get('start'));
  return startSeconds === undefined ? { site: 'youtube', id } : { site: 'youtube', id, startSeconds };
}

/** Whether two references name the same video (and, on Bilibili, the same part). */
export function sameVideo(a: VideoRef, b: VideoRef): boolean {
  if (a.site === 'youtube' || b.site === 'youtube') return a.site === 'youtube' && b.site === 'youtube' && a.id === b.id;
  const idMatch = (a.bvid && b.bvid ? a.bvid === b.bvid : true) && (a.aid && b.aid ? a.aid === b.aid : true) && (!!(a.bvid && b.bvid) || !!(a.aid && b.aid));
  return idMatch && a.part === b.part;
}
