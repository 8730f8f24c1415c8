// Bilibili: the part's cid from the page's own state (or the page-list API), the subtitle list
// from the signed player API for that aid/bvid + cid, then the subtitle file. Every id is checked
// against the page, and a transcript running past the part's end is refused as another video's.
import { parseBilibiliSubtitle } from '../bilibili-subtitle';
import { parseChapters } from '../chapters';
import { CaptionFormatError, oneLine } from '../cues';
import { inlineObject } from '../page-data';
import { endsPastVideo } from '../transcript';
import { bilibiliTracks, pickTrack, type VideoFacts } from '../tracks';
import { failed, fetchJson, type VideoContext, type VideoMethod, type VideoReading } from '../video-method';
import { mixinKey, signedQuery } from '../wbi';

export const API = 'https://api.bilibili.com';

interface Part {
  cid: number;
  page: number;
  part?: string;
  duration?: number;
}

interface PageState {
  aid?: number;
  bvid?: string;
  title: string;
  owner: string;
  description: string;
  duration: number;
  pages: Part[];
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const text = (v: unknown, max = 300): string => (typeof v === 'string' ? oneLine(v).slice(0, max) : '');

function partsOf(list: unknown): Part[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: Record<string, unknown>) => {
    const cid = num(p?.cid);
    const page = num(p?.page);
    return cid && page ? [{ cid, page, part: text(p.part), duration: num(p.duration) }] : [];
  });
}

/** The video data of `window.__INITIAL_STATE__` in the page, if it is there. */
export function pageState(doc: Document): PageState | undefined {
  const state = inlineObject(doc, 'window.__INITIAL_STATE__=') as { videoData?: Record<string, unknown> } | undefined;
  const v = state?.videoData;
  if (!v || typeof v !== 'object') return undefined;
  return {
    aid: num(v.aid),
    bvid: typeof v.bvid === 'string' ? v.bvid : undefined,
    title: text(v.title),
    owner: text((v.owner as { name?: unknown } | undefined)?.name),
    description: typeof v.desc === 'string' ? v.desc.slice(0, 20_000) : '',
    duration: num(v.duration) ?? 0,
    pages: partsOf(v.pages),
  };
}

async function partOf(ctx: VideoContext, state: PageState | undefined): Promise<Part | VideoReading> {
  if (ctx.video.site !== 'bilibili') return failed('not-here');
  const { part } = ctx.video;
  const fromPage = state?.pages.find((p) => p.page === part);
  if (fromPage) return fromPage;
  const id = ctx.video.bvid ? `bvid=${encodeURIComponent(ctx.video.bvid)}` : `aid=${ctx.video.aid}`;
  const got = await fetchJson(ctx, `${API}/x/player/pagelist?${id}`);
  if (!got.ok) return got.reading;
  const found = partsOf((got.json as { data?: unknown })?.data).find((p) => p.page === part);
  return found ?? failed('changed-format', `no part ${part} in the page list`);
}

export const bilibiliPlayer: VideoMethod = {
  id: 'bilibili-player',
  site: 'bilibili',
  async read(ctx): Promise<VideoReading> {
    const ref = ctx.video;
    if (ref.site !== 'bilibili') return failed('not-here');
    const state = pageState(ctx.doc);
    // The page's state lags after in-page navigation: it must name the video the address does.
    const stateMatches = state && ((ref.bvid && state.bvid === ref.bvid) || (ref.aid && state.aid === ref.aid));
    const known = stateMatches ? state : undefined;
    const part = await partOf(ctx, known);
    if ('ok' in part) return part;
    const nav = await fetchJson(ctx, `${API}/x/web-interface/nav`);
    if (!nav.ok) return nav.reading;
    const key = mixinKey(nav.json);
    if (!key) return failed('changed-format', 'no signing key');
    const params: Record<string, string | number> = { cid: part.cid };
    if (ref.aid ?? known?.aid) params.aid = (ref.aid ?? known?.aid)!;
    if (ref.bvid) params.bvid = ref.bvid;
    const player = await fetchJson(ctx, `${API}/x/player/wbi/v2?${signedQuery(params, key, Math.floor(Date.now() / 1000))}`);
    if (!player.ok) return player.reading;
    const pages = known?.pages ?? [];
    const video: VideoFacts = {
      id: ref.bvid ?? `av${ref.aid}`,
      title: known ? (pages.length > 1 && part.part ? `${known.title} — P${part.page} ${part.part}` : known.title) : text(ctx.doc.title),
      author: known?.owner ?? '',
      durationSeconds: part.duration ?? known?.duration ?? 0,
      description: known?.description ?? '',
    };
    const list = bilibiliTracks(player.json, { aid: ref.aid ?? known?.aid, bvid: ref.bvid, cid: part.cid }, video);
    if (!list.ok) return failed(list.reason, list.detail);
    if (list.tracks.length === 0) return failed('no-captions');
    const track = (ctx.track && list.tracks.find((t) => t.language === ctx.track)) || pickTrack(list.tracks, ctx.answerLanguage);
    if (!track) return failed('no-captions');
    const file = await fetchJson(ctx, track.url);
    if (!file.ok) return file.reading;
    let cues: ReturnType<typeof parseBilibiliSubtitle>;
    try {
      cues = parseBilibiliSubtitle(file.json);
    } catch (error) {
      return failed('changed-format', error instanceof CaptionFormatError ? error.message : String(error));
    }
    if (cues.length === 0) return failed('empty');
    if (endsPastVideo(cues, video.durationSeconds)) return failed('wrong-video', 'subtitles run past the end of this part');
    const chapters = parseChapters(video.description, video.durationSeconds || undefined);
    return { ok: true, transcript: { method: 'bilibili-player', video, track, tracks: list.tracks, cues, chapters } };
  },
};
