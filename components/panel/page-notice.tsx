import { browser } from 'wxt/browser';
import type { ExtractFailureReason } from '@/utils/messaging/types';
import { t, type MessageKey } from '@/utils/i18n';
import type { PageState } from './use-panel-session';
import { ErrorDetails } from './error-details';

const TEXT: Record<ExtractFailureReason, [MessageKey, MessageKey]> = {
  restricted: ['pageRestrictedTitle', 'pageRestrictedAdvice'],
  'no-permission': ['pageNoPermissionTitle', 'pageNoPermissionAdvice'],
  'no-tab': ['pageNoTabTitle', 'pageNoTabAdvice'],
  'injection-failed': ['pageInjectionTitle', 'pageInjectionAdvice'],
  empty: ['pageEmptyTitle', 'pageEmptyAdvice'],
  video: ['pageEmptyTitle', 'pageEmptyAdvice'], // not shown here: VideoNotice says why a video was not read
};

/** Why the bound page can't be read, and the one thing that fixes it. */
export function PageNotice(props: { page: PageState; onRetry(): void }) {
  if (props.page.state !== 'failed' || props.page.result.reason === 'video') return null;
  const { reason, url, detail } = props.page.result;
  const [title, advice] = TEXT[reason];
  const origin = originOf(url);
  const allow = async () => {
    if (origin && (await browser.permissions.request({ origins: [origin] }))) props.onRetry();
  };
  return (
    <div class="notice page-notice" role="status">
      <p class="notice-title">{t(title)}</p>
      <p>{t(advice)}</p>
      <div class="notice-actions">
        {reason === 'no-permission' && origin && (
          <button type="button" onClick={() => void allow()}>
            {t('pageAllowSite')}
          </button>
        )}
        {reason !== 'restricted' && reason !== 'no-tab' && (
          <button type="button" onClick={props.onRetry}>
            {t('pageReadAgain')}
          </button>
        )}
      </div>
      <ErrorDetails detail={detail} />
    </div>
  );
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.origin}/*` : undefined;
  } catch {
    return undefined;
  }
}
