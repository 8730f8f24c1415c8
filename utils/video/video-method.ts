// One way of reading a video's transcript inside its page. Methods are tried in order
// (methods/index.ts); each says exactly why it could not read, so the panel can say it too.
import type { Chapter } from './chapters';
import type { Cue } from './cues';
import type { CaptionTrack, VideoFacts } from './tracks';
import type { VideoRef } from './video-url';

export interface VideoContext {
  doc: Document;
  win: Window;
  /** The page's own fetch, so its session and cookies apply. */
  fetch: typeof fetch;
  video: VideoRef;
  /** The user's answer language (`en`, `zh-CN`): the track in it is preferred. */
  answerLanguage: string;
  /** A track the user picked in the panel (its language code), if any. */
  track?: string;
}

export interface VideoTranscript {
  method: string;
  video: VideoFacts;
  track: CaptionTrack;
  tracks: CaptionTrack[];
  cues: Cue[];
  chapters: Chapter[];
}

/** Why a method read nothing. `not-here` means the next method should try; the others are the answer. */
export type VideoFailure =
  | 'not-here'
  | 'no-captions'
  | 'login-needed'
  | 'ad-playing'
  | 'wrong-video'
  | 'unplayable'
  | 'changed-format'
  | 'empty'
  | 'service-error';

export type VideoReading = { ok: true; transcript: VideoTranscript } | { ok: false; reason: VideoFailure; detail?: string };

export interface VideoMethod {
  /** Same as the file name. */
  id: string;
  site: VideoRef['site'];
  read(ctx: VideoContext): Promise<VideoReading>;
}

export const failed = (reason: VideoFailure, detail?: string): VideoReading => ({ ok: false, reason, ...(detail ? { detail: detail.slice(0, 200) } : {}) });

/** Fetches JSON with the page's session; a failure becomes a reading, never an exception. */
export async function fetchJson(ctx: VideoContext, url: string): Promise<{ ok: true; json: unknown } | { ok: false; reading: VideoReading }> {
  try {
    const res = await ctx.fetch(url, { credentials: 'include' });
    if (!res.ok) return { ok: false, reading: failed('service-error', `HTTP ${res.status}`) };
    const text = await res.text();
    if (!text.trim()) return { ok: false, reading: failed('empty') };
    return { ok: true, json: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reading: failed(error instanceof SyntaxError ? 'changed-format' : 'service-error', String((error as Error)?.message ?? error)) };
  }
}
