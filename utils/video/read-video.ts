// The video reader's work inside a video page (entrypoints/video-reader.ts): the transcript by the
// ordered methods, as a page whose text is the timed transcript, or why not. No extension API here.
import type { PageContent, VideoInfo, VideoTrackInfo } from '../sources/types';
import type { VideoChoice, VideoFailureReason } from '../messaging/types';
import { parseChapters } from './chapters';
import { oneLine } from './cues';
import { readTranscript } from './methods';
import { pageState } from './methods/bilibili-player';
import { inlineObject } from './page-data';
import { formatTime } from './timestamps';
import { youtubeTracks, type CaptionTrack, type VideoFacts } from './tracks';
import { timedPassages, transcriptText } from './transcript';
import type { VideoTranscript } from './video-method';
import { videoOf, type VideoRef } from './video-url';

/** A transcript longer than this is cut (a day of speech is ~1.5 M characters); the page says where. */
export const MAX_TRANSCRIPT_CHARS = 4_000_000;
export const MAX_DESCRIPTION_CHARS = 20_000;
export const MAX_TRACKS = 100;

export interface VideoReadOptions extends VideoChoice {
  answerLanguage: string;
  /** The reading the panel holds: the same transcript answers "same" instead of its text. */
  known?: string;
}

export type VideoPageResult =
  | { ok: true; page: PageContent }
  | { ok: 'same'; same: string; selection: '' }
  | { ok: false; video: VideoFailureReason; detail?: string }
  | { ok: false; notVideo: true };

/** The key a reading starts with: which video and part it is of. */
export const videoKey = (ref: VideoRef): string => (ref.site === 'youtube' ? `yt:${ref.id}` : `bili:${ref.bvid ?? `av${ref.aid}`}:${ref.part}`);

/** `video:<key>:<track>:<t|->:<hash>`: the video, the track, title-only or not, and the text's hash. */
export function videoReading(ref: VideoRef, track: string, titleOnly: boolean, text: string): string {
  return `video:${videoKey(ref)}:${encodeURIComponent(track)}:${titleOnly ? 't' : '-'}:${hash(text)}`;
}

/** What a reading the panel holds says about how it was read (the track picked, title only). */
export function choiceOfReading(reading: string | undefined): VideoChoice {
  if (!reading?.startsWith('video:')) return {};
  const parts = reading.split(':');
  const flag = parts[parts.length - 2];
  let track = '';
  try {
    track = decodeURIComponent(parts[parts.length - 3] ?? '');
  } catch {
    track = '';
  }
  return { ...(track ? { track } : {}), ...(flag === 't' ? { titleOnly: true } : {}) };
}

/** FNV-1a, 32 bits: names a version of the text, not a secret. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36) + text.length.toString(36);
}

const trackInfo = (t: CaptionTrack): VideoTrackInfo => ({ language: t.language.slice(0, 40), label: t.label.slice(0, 100), kind: t.kind });

function info(ref: VideoRef, facts: VideoFacts, rest: Pick<VideoInfo, 'chapters' | 'track' | 'tracks' | 'method'>): VideoInfo {
  return {
    site: ref.site,
    id: ref.site === 'youtube' ? ref.id : (ref.bvid ?? `av${ref.aid}`),
    part: ref.site === 'bilibili' ? ref.part : 1,
    title: facts.title,
    author: facts.author,
    durationSeconds: facts.durationSeconds,
    description: facts.description.slice(0, MAX_DESCRIPTION_CHARS),
    ...rest,
    chapters: rest.chapters.slice(0, 500),
    tracks: rest.tracks.slice(0, MAX_TRACKS),
  };
}

function transcriptPage(doc: Document, ref: VideoRef, t: VideoTranscript): PageContent {
  let text = transcriptText(timedPassages(t.cues, t.chapters));
  if (text.length > MAX_TRANSCRIPT_CHARS) {
    const cut = text.lastIndexOf('\n', MAX_TRANSCRIPT_CHARS);
    text = text.slice(0, cut > 0 ? cut : MAX_TRANSCRIPT_CHARS);
    const last = t.cues.findLast((c) => text.includes(`[${formatTime(c.start)}]`));
    text += `\n(The transcript is cut here, at ${formatTime(last?.start ?? 0)}: it is longer than Moonlit reads.)`;
  }
  const video = info(ref, t.video, { chapters: t.chapters, track: trackInfo(t.track), tracks: t.tracks.map(trackInfo), method: t.method });
  return {
    url: doc.location.href,
    title: video.title || oneLine(doc.title).slice(0, 300),
    text,
    selection: '',
    ...(video.track.language ? { lang: video.track.language } : {}),
    source: `video:${t.method}`,
    video,
  };
}

/** The title and description alone, when the user chose to answer without a transcript. */
function factsOnly(doc: Document, ref: VideoRef): VideoFacts {
  const meta = doc.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
  const fallback: VideoFacts = {
    id: '',
    title: oneLine(doc.title).slice(0, 300),
    author: '',
    durationSeconds: 0,
    description: meta.slice(0, MAX_DESCRIPTION_CHARS),
  };
  if (ref.site === 'youtube') {
    const list = youtubeTracks(inlineObject(doc, 'ytInitialPlayerResponse = '), ref.id);
    return list.ok ? list.video : fallback;
  }
  const state = pageState(doc);
  const matches = state && ((ref.bvid && state.bvid === ref.bvid) || (ref.aid && state.aid === ref.aid));
  return matches ? { id: '', title: state.title, author: state.owner, durationSeconds: state.duration, description: state.description } : fallback;
}

function titleOnlyPage(doc: Document, ref: VideoRef): PageContent {
  const facts = factsOnly(doc, ref);
  const none: VideoTrackInfo = { language: '', label: '', kind: 'uploaded' };
  const video: VideoInfo = {
    ...info(ref, facts, { chapters: parseChapters(facts.description), track: none, tracks: [], method: 'title-only' }),
    titleOnly: true,
  };
  // The text is what Kimi reads: the description (the title is in the page's header line).
  const text = video.description.trim() || '(The video has no description.)';
  return { url: doc.location.href, title: video.title, text, selection: '', source: 'video:title-only', video };
}

/** Reads the video `doc` shows, with the page's own fetch (its cookies apply). */
export async function readVideoPage(
  doc: Document,
  win: Window,
  opts: VideoReadOptions,
  fetch: typeof globalThis.fetch = win.fetch.bind(win),
): Promise<VideoPageResult> {
  const ref = videoOf(doc.location.href);
  if (!ref) return { ok: false, notVideo: true };
  let page: PageContent;
  if (opts.titleOnly) page = titleOnlyPage(doc, ref);
  else {
    const r = await readTranscript({ doc, win, fetch, video: ref, answerLanguage: opts.answerLanguage, ...(opts.track ? { track: opts.track } : {}) });
    // Every method passed (an empty caption body, no transcript panel): the service answered nothing we could read.
    if (!r.ok) {
      if (r.reason === 'not-here') return { ok: false, video: 'empty', detail: 'no method read any caption text' };
      return { ok: false, video: r.reason, ...(r.detail ? { detail: r.detail } : {}) };
    }
    page = transcriptPage(doc, ref, r.transcript);
  }
  const reading = videoReading(ref, page.video!.track.language, !!opts.titleOnly, page.text);
  if (opts.known === reading) return { ok: 'same', same: reading, selection: '' };
  return { ok: true, page: { ...page, reading } };
}
