import type { ExtractResult, VideoFailureReason } from '../messaging/types';
import type { PageContent, VideoInfo, VideoTrackInfo } from '../sources/types';
import { MAX_DESCRIPTION_CHARS, MAX_TRACKS, MAX_TRANSCRIPT_CHARS, videoKey } from '../video/read-video';
import { sameVideo, videoOf, type VideoRef } from '../video/video-url';

/** The cut-off note the reader may add after a cut transcript, and room for it. */
const TEXT_LIMIT = MAX_TRANSCRIPT_CHARS + 200;
const FAILURES: ReadonlySet<VideoFailureReason> = new Set([
  'no-captions',
  'login-needed',
  'ad-playing',
  'wrong-video',
  'unplayable',
  'changed-format',
  'empty',
  'service-error',
]);

const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const failure = (url: string, video: VideoFailureReason, detail?: string): ExtractResult => ({
  ok: false,
  reason: 'video',
  url,
  video,
  ...(detail ? { detail } : {}),
});

function track(v: unknown): VideoTrackInfo | undefined {
  const t = v as Partial<VideoTrackInfo> | null;
  if (!t || !str(t.language, 40) || !str(t.label, 100) || (t.kind !== 'uploaded' && t.kind !== 'automatic')) return undefined;
  return { language: t.language, label: t.label, kind: t.kind };
}

function videoInfo(v: unknown): VideoInfo | undefined {
  const x = v as Partial<VideoInfo> | null;
  if (!x || (x.site !== 'youtube' && x.site !== 'bilibili') || !str(x.id, 40) || !num(x.part) || !str(x.title, 400) || !str(x.author, 400)) return undefined;
  if (!num(x.durationSeconds) || !str(x.description, MAX_DESCRIPTION_CHARS) || !str(x.method, 40)) return undefined;
  if (!Array.isArray(x.chapters) || x.chapters.length > 500 || !Array.isArray(x.tracks) || x.tracks.length > MAX_TRACKS) return undefined;
  const chapters = x.chapters.filter((c) => c && num(c.start) && str(c.title, 300)).map((c) => ({ start: c.start, title: c.title }));
  const tracks = x.tracks.map(track);
  const picked = track(x.track);
  if (chapters.length !== x.chapters.length || tracks.some((t) => !t) || !picked) return undefined;
  return {
    site: x.site,
    id: x.id,
    part: x.part,
    title: x.title,
    author: x.author,
    durationSeconds: x.durationSeconds,
    description: x.description,
    chapters,
    track: picked,
    tracks: tracks as VideoTrackInfo[],
    method: x.method,
    ...(x.titleOnly === true ? { titleOnly: true } : {}),
  };
}

/**
 * The video reader's answer, checked at the boundary: every field typed and bounded, and the video it read the
 * one the tab's address names (after in-page navigation the page's own data can still describe the last video).
 */
export function parseVideoReply(raw: unknown, url: string, ref: VideoRef): ExtractResult {
  const r = raw as Record<string, unknown> | null;
  if (!r || typeof r !== 'object') return { ok: false, reason: 'injection-failed', url, detail: 'The video reader returned nothing.' };
  const key = `video:${videoKey(ref)}:`;
  if (r.ok === 'same' && str(r.same, 400) && r.same.startsWith(key)) return { ok: 'same', same: r.same, selection: '' };
  if (r.ok === false && typeof r.video === 'string' && FAILURES.has(r.video as VideoFailureReason)) {
    return failure(url, r.video as VideoFailureReason, str(r.detail, 200) ? r.detail : undefined);
  }
  const page = r.page as Partial<PageContent> | undefined;
  if (r.ok !== true || !page) return { ok: false, reason: 'injection-failed', url, detail: 'The video reader answered in an unknown shape.' };
  const video = videoInfo(page.video);
  if (!video || !str(page.url, 8192) || !str(page.title, 400) || !str(page.text, TEXT_LIMIT) || !str(page.reading, 400) || !str(page.source, 60)) {
    return { ok: false, reason: 'injection-failed', url, detail: 'The video reader answered in an unknown shape.' };
  }
  // The page read must be the video the tab shows, part included: else it is another video's transcript.
  const read = videoOf(page.url);
  const named: VideoRef =
    video.site === 'youtube'
      ? { site: 'youtube', id: video.id }
      : { site: 'bilibili', part: video.part, ...(video.id.startsWith('BV') ? { bvid: video.id } : { aid: Number(video.id.slice(2)) }) };
  if (!read || !sameVideo(read, ref) || !sameVideo(named, ref) || !page.reading.startsWith(key))
    return failure(url, 'wrong-video', `${video.id} p${video.part}`);
  if (!page.text.trim()) return failure(url, 'empty');
  const lang = str(page.lang, 40) ? { lang: page.lang } : {};
  return { ok: true, page: { url: page.url, title: page.title, text: page.text, selection: '', ...lang, source: page.source, reading: page.reading, video } };
}
