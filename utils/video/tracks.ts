// Caption tracks as the two services list them, checked against the video the page shows,
// and the choice of one: the answer language first, then the video's own language.
import { oneLine } from './cues';

export type TrackKind = 'uploaded' | 'automatic';

export interface CaptionTrack {
  /** BCP 47-ish language code as the service gives it (`en`, `zh-Hans`, `ai-zh`). */
  language: string;
  /** The service's own name for the track, shown in the picker. */
  label: string;
  kind: TrackKind;
  url: string;
}

export interface VideoFacts {
  id: string;
  title: string;
  author: string;
  durationSeconds: number;
  description: string;
}

/** What reading the track list came to. */
export type TrackList =
  | { ok: true; video: VideoFacts; tracks: CaptionTrack[] }
  | { ok: false; reason: 'wrong-video' | 'login-needed' | 'unplayable' | 'changed-format' | 'service-error'; detail?: string };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
/** Page-controlled text that goes to the panel: one line, bounded. */
const field = (v: unknown, max = 300): string => oneLine(str(v)).slice(0, max);

/** YouTube's player response (`ytInitialPlayerResponse`), for the video `expectedId`. */
export function youtubeTracks(player: unknown, expectedId: string): TrackList {
  const p = obj(player);
  const details = obj(p.videoDetails);
  if (!details.videoId) return { ok: false, reason: 'changed-format', detail: 'no videoDetails' };
  if (details.videoId !== expectedId) return { ok: false, reason: 'wrong-video', detail: str(details.videoId).slice(0, 20) };
  const status = str(obj(p.playabilityStatus).status);
  if (status === 'LOGIN_REQUIRED') return { ok: false, reason: 'login-needed' };
  if (status && status !== 'OK') return { ok: false, reason: 'unplayable', detail: field(status, 40) };
  const list = obj(obj(p.captions).playerCaptionsTracklistRenderer).captionTracks;
  const tracks: CaptionTrack[] = [];
  for (const raw of Array.isArray(list) ? list : []) {
    const t = obj(raw);
    const url = str(t.baseUrl);
    if (!url) continue;
    const name = obj(t.name);
    const label = field(name.simpleText) || field(obj(Array.isArray(name.runs) ? name.runs[0] : undefined).text) || str(t.languageCode);
    tracks.push({ language: str(t.languageCode), label, kind: t.kind === 'asr' ? 'automatic' : 'uploaded', url });
  }
  return {
    ok: true,
    video: {
      id: expectedId,
      title: field(details.title),
      author: field(details.author),
      durationSeconds: Number(details.lengthSeconds) || 0,
      description: str(details.shortDescription).slice(0, 20_000),
    },
    tracks,
  };
}

/**
 * Bilibili's player API answer (`/x/player/wbi/v2`) for the part `cid` of `aid`/`bvid`. The
 * older unsigned endpoint is known to answer with another video's subtitles, so ids are checked.
 */
export function bilibiliTracks(answer: unknown, expected: { aid?: number; bvid?: string; cid: number }, video: VideoFacts): TrackList {
  const a = obj(answer);
  if (a.code !== 0) return { ok: false, reason: 'service-error', detail: `${String(a.code).slice(0, 12)} ${field(a.message, 80)}`.trim() };
  const d = obj(a.data);
  if (d.cid !== undefined && Number(d.cid) !== expected.cid) return { ok: false, reason: 'wrong-video', detail: `cid ${String(d.cid).slice(0, 20)}` };
  if (expected.bvid && d.bvid !== undefined && d.bvid !== expected.bvid) return { ok: false, reason: 'wrong-video', detail: str(d.bvid).slice(0, 20) };
  if (expected.aid && d.aid !== undefined && Number(d.aid) !== expected.aid)
    return { ok: false, reason: 'wrong-video', detail: `aid ${String(d.aid).slice(0, 20)}` };
  const sub = obj(d.subtitle);
  if (!Array.isArray(sub.subtitles)) return { ok: false, reason: 'changed-format', detail: 'no subtitle list' };
  const tracks: CaptionTrack[] = [];
  for (const raw of sub.subtitles) {
    const s = obj(raw);
    let url = str(s.subtitle_url);
    if (!url) continue;
    if (url.startsWith('//')) url = `https:${url}`;
    const lan = str(s.lan);
    tracks.push({ language: lan, label: field(s.lan_doc) || lan, kind: lan.startsWith('ai-') || Number(s.type) === 1 ? 'automatic' : 'uploaded', url });
  }
  if (tracks.length === 0 && d.need_login_subtitle === true) return { ok: false, reason: 'login-needed' };
  return { ok: true, video, tracks };
}

/** `ai-zh` → `zh`, `zh-Hans` → `zh`, `en-US` → `en`. */
export const baseLanguage = (code: string): string => code.replace(/^ai-/, '').split(/[-_]/)[0]?.toLowerCase() ?? '';

/**
 * The track to read: one in the answer language (uploaded before automatic); else the video's
 * own language (YouTube's automatic track is in the spoken language); else the first uploaded.
 */
export function pickTrack(tracks: CaptionTrack[], answerLanguage: string): CaptionTrack | undefined {
  const want = baseLanguage(answerLanguage);
  const rank = (t: CaptionTrack) => (t.kind === 'uploaded' ? 0 : 1);
  const inLanguage = tracks.filter((t) => baseLanguage(t.language) === want).sort((a, b) => rank(a) - rank(b));
  if (inLanguage[0]) return inLanguage[0];
  const spoken = tracks.find((t) => t.kind === 'automatic');
  const original = spoken && tracks.find((t) => t.kind === 'uploaded' && baseLanguage(t.language) === baseLanguage(spoken.language));
  return original ?? tracks.find((t) => t.kind === 'uploaded') ?? spoken ?? tracks[0];
}
