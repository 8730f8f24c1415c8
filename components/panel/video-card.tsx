import type { VideoInfo } from '@/utils/sources/types';
import type { VideoChoice } from '@/utils/messaging/types';
import { formatTime } from '@/utils/video/timestamps';
import { t } from '@/utils/i18n';

/** A track's language by its name in the UI language ("English"), or the code as the site gave it. */
function languageName(code: string, label: string): string {
  if (label) return label;
  try {
    return new Intl.DisplayNames([navigator.language], { type: 'language' }).of(code.replace(/^ai-/, '')) ?? code;
  } catch {
    return code;
  }
}

/** The panel's source when the tab shows a video: what it is, and which transcript Kimi reads. */
export function VideoCard(props: { video: VideoInfo; busy: boolean; onRead(choice: VideoChoice): void }) {
  const v = props.video;
  const trackLine = v.titleOnly
    ? t('videoTitleOnlyLabel')
    : v.method === 'youtube-transcript-panel'
      ? t('videoTrackPanel')
      : t(v.track.kind === 'automatic' ? 'videoTrackAutomatic' : 'videoTrackUploaded', languageName(v.track.language, v.track.label));
  return (
    <section class="video-card" aria-label={t('videoCardLabel')} data-site={v.site}>
      <p class="video-title">{v.title}</p>
      <p class="video-meta">
        {v.author && <span class="video-author">{t('videoBy', v.author)}</span>}
        {v.durationSeconds > 0 && <span class="video-duration">{t('videoDuration', formatTime(v.durationSeconds))}</span>}
        {v.chapters.length > 0 && <span class="video-chapters">{t('videoChapters', v.chapters.length)}</span>}
      </p>
      <p class="video-track" data-kind={v.titleOnly ? 'title-only' : v.track.kind}>
        {trackLine}
      </p>
      {v.titleOnly && (
        <button type="button" disabled={props.busy} onClick={() => props.onRead({})}>
          {t('videoReadAgain')}
        </button>
      )}
      {!v.titleOnly && v.tracks.length > 1 && (
        <label class="video-track-pick">
          {t('videoTrackPick')}{' '}
          <select disabled={props.busy} value={v.track.language} onChange={(e) => props.onRead({ track: (e.currentTarget as HTMLSelectElement).value })}>
            {v.tracks.map((tr) => (
              <option key={`${tr.language}:${tr.kind}`} value={tr.language}>
                {t(tr.kind === 'automatic' ? 'videoTrackOptionAutomatic' : 'videoTrackOptionUploaded', languageName(tr.language, tr.label))}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
