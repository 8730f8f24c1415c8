import { browser } from 'wxt/browser';
import type { SeekRequest, SeekResult } from '../messaging/protocol';
import type { VideoChoice } from '../messaging/types';
import { sameVideo, videoOf } from '../video/video-url';

const MAX_URL = 8192;
/** Longer than any video a page plays (a week), so a cited moment is never refused for being late. */
const MAX_SECONDS = 7 * 24 * 3600;

/** The request if every field is what the panel sends, else null (the message then gets no answer). */
export function parseSeekRequest(raw: unknown): SeekRequest | null {
  const r = raw as Partial<SeekRequest> | null;
  if (!r || typeof r !== 'object') return null;
  const { tabId, url, seconds } = r;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) return null;
  if (typeof url !== 'string' || url.length > MAX_URL || !videoOf(url)) return null;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_SECONDS) return null;
  return { tabId, url, seconds };
}

/** The panel's choice of how to read a video: a track's language code, or title and description only. */
export function parseVideoChoice(raw: unknown): VideoChoice | undefined {
  const v = raw as VideoChoice | null;
  if (!v || typeof v !== 'object') return undefined;
  const track = typeof v.track === 'string' && v.track.length <= 40 ? v.track : undefined;
  return { ...(track ? { track } : {}), ...(v.titleOnly === true ? { titleOnly: true } : {}) };
}

/** Runs in the page (self-contained): seeks its main `<video>` and plays; false when the page has none. */
function seekVideo(seconds: number): boolean {
  const videos = Array.from(document.querySelectorAll('video'));
  // The player's own element: the largest on the page (a preview thumbnail may be a video too).
  const video = videos.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0];
  if (!video) return false;
  video.currentTime = seconds;
  void video.play()?.catch(() => undefined);
  return true;
}

/** Seeks the video in the answer's tab, without reloading it; only while the tab shows that same video. */
export async function seekInTab(req: SeekRequest): Promise<SeekResult> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(req.tabId)).url;
  } catch {
    return { ok: false, reason: 'moved' };
  }
  if (!url) return { ok: false, reason: 'blocked' };
  const now = videoOf(url);
  const cited = videoOf(req.url);
  if (!now || !cited || !sameVideo(now, cited)) return { ok: false, reason: 'moved' };
  try {
    const [r] = await browser.scripting.executeScript({ target: { tabId: req.tabId }, func: seekVideo, args: [req.seconds] });
    return r?.result === true ? { ok: true } : { ok: false, reason: 'no-player' };
  } catch {
    return { ok: false, reason: 'blocked' };
  }
}
