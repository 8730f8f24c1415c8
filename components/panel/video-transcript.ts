import { sameVideo, videoOf } from '@/utils/video/video-url';
import type { PageState } from './use-panel-session';

/**
 * What the panel holds of the video at `url` (the moments an answer cites): its transcript, unless read from
 * the title alone, and its length; nothing when the page held is not that video.
 */
export function heldVideo(page: PageState, url: string): { transcript?: string; lengthSeconds?: number } {
  if (page.state !== 'ready' || !page.page.video) return {};
  const held = videoOf(page.page.url);
  const asked = videoOf(url);
  if (!held || !asked || !sameVideo(held, asked)) return {};
  const { video } = page.page;
  return { transcript: video.titleOnly ? undefined : page.page.text, lengthSeconds: video.durationSeconds };
}
