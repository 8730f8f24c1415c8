import { sameVideo, videoOf } from '@/utils/video/video-url';
import type { PageState } from './use-panel-session';

/** The transcript the panel holds, when it is of the video at `url` (for the moments an answer cites). */
export function transcriptFor(page: PageState, url: string): string | undefined {
  if (page.state !== 'ready' || !page.page.video || page.page.video.titleOnly) return undefined;
  const held = videoOf(page.page.url);
  const asked = videoOf(url);
  return held && asked && sameVideo(held, asked) ? page.page.text : undefined;
}
