import { t } from '@/utils/i18n';
import { errorDetail, isQuotaError } from '@/utils/storage/write-errors';

export type HistoryWrite = 'rename' | 'delete' | 'clear';

export interface HistoryWriteFailure {
  action: HistoryWrite;
  quota: boolean;
  detail: string;
}

export const historyWriteFailure = (action: HistoryWrite, error: unknown): HistoryWriteFailure => ({
  action,
  quota: isQuotaError(error),
  detail: errorDetail(error),
});

const TITLES = { rename: 'historyRenameFailed', delete: 'historyDeleteFailed', clear: 'historyClearFailed' } as const;

/** A rename or delete in the history list that storage refused: said until the next history write works. */
export function HistoryWriteNotice(props: { failure?: HistoryWriteFailure }) {
  const { failure } = props;
  if (!failure) return null;
  return (
    <div class="error-notice history-write-notice" role="alert">
      <p class="error-title">{t(TITLES[failure.action])}</p>
      <p>{failure.quota ? t('historyWriteFailedFull') : t('historyWriteFailedDetail', failure.detail)}</p>
    </div>
  );
}
