import type { VideoContext, VideoFailure, VideoMethod, VideoReading } from '../video-method';
import { bilibiliPlayer } from './bilibili-player';
import { youtubePlayer } from './youtube-player';
import { youtubeTranscriptPanel } from './youtube-transcript-panel';

/**
 * Every way of reading a transcript, tried in this order; a broken one can be swapped without
 * touching the rest. tests/unit/video/methods-registry.test.ts keeps this in step with the folder.
 */
export const VIDEO_METHODS: VideoMethod[] = [youtubePlayer, youtubeTranscriptPanel, bilibiliPlayer];

/**
 * Failures that are the answer for this video: no other method would read it either. Not `no-captions`: the
 * player data may list no caption track while the page's transcript panel shows one, so a later method still
 * tries; with none reading it, `no-captions` is still what is said (the first real failure).
 */
const FINAL: ReadonlySet<VideoFailure> = new Set(['login-needed', 'ad-playing', 'wrong-video', 'unplayable']);

/** Tries the methods for the video's site in order: the first transcript, or the most telling failure. */
export async function readTranscript(ctx: VideoContext, methods: VideoMethod[] = VIDEO_METHODS): Promise<VideoReading> {
  // The first real failure says most (a later method usually fails only because the first did).
  let telling: VideoReading | undefined;
  for (const m of methods) {
    if (m.site !== ctx.video.site) continue;
    const r = await m.read(ctx);
    if (r.ok || FINAL.has(r.reason)) return r;
    if (r.reason !== 'not-here') telling ??= r;
  }
  return telling ?? { ok: false, reason: 'not-here' };
}
