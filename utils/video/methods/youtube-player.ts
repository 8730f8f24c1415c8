// YouTube, first method: the caption tracks in the watch page's player data, fetched as json3
// with the token the player itself used (if it used one). After in-page navigation the inline
// data belongs to the first video, so it is taken only when its id matches; else the watch page is fetched again.
import { parseChapters } from '../chapters';
import { CaptionFormatError, type Cue } from '../cues';
import { inlineObject, objectAfter } from '../page-data';
import { parseTimedTextXml } from '../timed-text-xml';
import { pickTrack, youtubeTracks, type CaptionTrack, type TrackList } from '../tracks';
import { failed, type VideoContext, type VideoMethod, type VideoReading } from '../video-method';
import { parseJson3 } from '../youtube-json3';

const MARKER = 'ytInitialPlayerResponse = ';

/** True while an ad plays in the page's player: its captions and seeking are the ad's. */
export const adPlaying = (doc: Document): boolean => !!doc.querySelector('.html5-video-player.ad-showing, .ytp-ad-player-overlay');

/** The proof-of-origin token from a caption request the player made in this page, if any. */
export function playerToken(win: Window): { pot: string; c?: string } | undefined {
  const entries = win.performance?.getEntriesByType?.('resource') ?? [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const name = entries[i].name;
    if (!name.includes('/api/timedtext')) continue;
    try {
      const u = new URL(name);
      const pot = u.searchParams.get('pot');
      if (pot) return { pot, c: u.searchParams.get('c') ?? undefined };
    } catch {
      // not a URL
    }
  }
  return undefined;
}

/** The URL to fetch a track as json3, with the player's token when it had one. */
export function json3Url(track: CaptionTrack, base: string, token?: { pot: string; c?: string }): string {
  const u = new URL(track.url, base);
  u.searchParams.set('fmt', 'json3');
  if (token) {
    u.searchParams.set('pot', token.pot);
    if (token.c) u.searchParams.set('c', token.c);
  }
  return u.href;
}

async function trackList(ctx: VideoContext, id: string): Promise<TrackList> {
  const inline = youtubeTracks(inlineObject(ctx.doc, MARKER), id);
  if (inline.ok || inline.reason !== 'wrong-video') return inline;
  try {
    const res = await ctx.fetch(ctx.doc.location.href, { credentials: 'include' });
    return youtubeTracks(objectAfter(await res.text(), MARKER), id);
  } catch (error) {
    return { ok: false, reason: 'service-error', detail: String((error as Error)?.message ?? error) };
  }
}

function cuesOf(body: string, ctx: VideoContext): Cue[] {
  const trimmed = body.trimStart();
  return trimmed.startsWith('<') ? parseTimedTextXml(trimmed, new (ctx.win as Window & typeof globalThis).DOMParser()) : parseJson3(JSON.parse(trimmed));
}

export const youtubePlayer: VideoMethod = {
  id: 'youtube-player',
  site: 'youtube',
  async read(ctx): Promise<VideoReading> {
    if (ctx.video.site !== 'youtube') return failed('not-here');
    if (adPlaying(ctx.doc)) return failed('ad-playing');
    const list = await trackList(ctx, ctx.video.id);
    if (!list.ok) return failed(list.reason, list.detail);
    if (list.tracks.length === 0) return failed('no-captions');
    const track = (ctx.track && list.tracks.find((t) => t.language === ctx.track)) || pickTrack(list.tracks, ctx.answerLanguage);
    if (!track) return failed('no-captions');
    let cues: Cue[];
    try {
      const res = await ctx.fetch(json3Url(track, ctx.doc.location.href, playerToken(ctx.win)), { credentials: 'include' });
      if (!res.ok) return failed('service-error', `HTTP ${res.status}`);
      const body = await res.text();
      // An empty body is what the service sends when it wants a token we could not give.
      if (!body.trim()) return failed('not-here', 'empty caption body');
      cues = cuesOf(body, ctx);
    } catch (error) {
      return failed(
        error instanceof CaptionFormatError || error instanceof SyntaxError ? 'changed-format' : 'service-error',
        String((error as Error)?.message ?? error),
      );
    }
    if (cues.length === 0) return failed('empty');
    const chapters = parseChapters(list.video.description, list.video.durationSeconds || undefined);
    return { ok: true, transcript: { method: 'youtube-player', video: list.video, track, tracks: list.tracks, cues, chapters } };
  },
};
