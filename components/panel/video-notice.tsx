import type { VideoChoice, VideoFailureReason } from '@/utils/messaging/types';
import { t, type MessageKey } from '@/utils/i18n';
import { videoOf } from '@/utils/video/video-url';
import type { PageState } from './use-panel-session';
import { ErrorDetails } from './error-details';

/** Per failure: what happened, what to do, and the actions that exist for it. */
const TEXT: Record<VideoFailureReason, { title: MessageKey; advice: MessageKey; again?: true; titleOnly?: true }> = {
  'no-captions': { title: 'videoNoCaptionsTitle', advice: 'videoNoCaptionsAdvice' },
  'login-needed': { title: 'videoLoginTitle', advice: 'videoLoginAdvice', again: true },
  'ad-playing': { title: 'videoAdTitle', advice: 'videoAdAdvice', again: true },
  'wrong-video': { title: 'videoWrongTitle', advice: 'videoWrongAdvice', again: true },
  unplayable: { title: 'videoUnplayableTitle', advice: 'videoUnplayableAdvice' },
  empty: { title: 'videoEmptyTitle', advice: 'videoBrokenAdvice', again: true, titleOnly: true },
  'changed-format': { title: 'videoChangedTitle', advice: 'videoBrokenAdvice', again: true, titleOnly: true },
  'service-error': { title: 'videoServiceTitle', advice: 'videoBrokenAdvice', again: true, titleOnly: true },
};

/** Why a video's transcript was not read, and what the user can do; nothing goes to Kimi from here. */
export function VideoNotice(props: { page: PageState; onRead(choice?: VideoChoice): void }) {
  if (props.page.state !== 'failed' || props.page.result.reason !== 'video' || !props.page.result.video) return null;
  const { video: reason, detail, url } = props.page.result;
  const text = TEXT[reason];
  const youtube = reason === 'login-needed' && url && videoOf(url)?.site === 'youtube';
  return (
    <div class="notice page-notice video-notice" role="status" data-reason={reason}>
      <p class="notice-title">{t(text.title)}</p>
      <p>{t(youtube ? 'videoLoginAdviceYoutube' : text.advice)}</p>
      <div class="notice-actions">
        {text.again && (
          <button type="button" onClick={() => props.onRead()}>
            {t('videoReadAgain')}
          </button>
        )}
        {text.titleOnly && (
          <button type="button" onClick={() => props.onRead({ titleOnly: true })}>
            {t('videoTitleOnlyButton')}
          </button>
        )}
      </div>
      <ErrorDetails detail={detail} />
    </div>
  );
}
