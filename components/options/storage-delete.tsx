import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { deleteConversations } from '@/utils/history/store';
import { countToRelieve, pickForDeletion, type DeleteOrder } from '@/utils/storage/budget';
import type { StorageReport } from '@/utils/storage/usage';
import { errorDetail } from '@/utils/storage/write-errors';
import { formatSize as size } from '@/utils/ui/format-size';

/** Titles come from pages: shown as text, and only the start of a few of them. */
const TITLES_SHOWN = 3;
const TITLE_CHARS = 60;
const shortTitle = (s: string) => (s.length > TITLE_CHARS ? `${s.slice(0, TITLE_CHARS - 1)}…` : s);

/**
 * Deleting conversations, oldest or largest first: how many, what that frees and which ones are shown before
 * anything is deleted, and a second, explicit confirmation. Plain form controls, so it all works from the keyboard.
 */
export function StorageDelete(props: { report: StorageReport; onDone(): Promise<void> }) {
  const list = props.report.conversations;
  const [order, setOrder] = useState<DeleteOrder>('oldest');
  const [count, setCount] = useState(1);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // The button that was pressed is replaced by the question: focus goes to its safe answer.
  useEffect(() => void (confirming && cancel.current?.focus()), [confirming]);

  // A sensible start: as many as bring the budget back below "nearly full", at least one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the order changes or conversations come and go, not on every measurement.
  useEffect(() => {
    setCount(Math.max(1, countToRelieve(list, order, props.report.usage.local, props.report.usage.budget)));
  }, [order, list.length]);

  if (!list.length) return <p class="help">{t('storageNone')}</p>;
  const n = Math.min(Math.max(1, count), list.length);
  const { picked, bytes } = pickForDeletion(list, order, n);
  const titles =
    picked
      .slice(0, TITLES_SHOWN)
      .map((c) => shortTitle(c.title))
      .join('; ') + (picked.length > TITLES_SHOWN ? '; …' : '');

  const remove = async () => {
    setConfirming(false);
    try {
      await deleteConversations(picked.map((c) => c.id));
      setStatus({ tone: 'ok', text: t('storageDeleted', picked.length, size(bytes)) });
    } catch (e) {
      setStatus({ tone: 'error', text: t('storageDeleteFailed', errorDetail(e)) });
    }
    await props.onDone();
  };

  return (
    <fieldset class="storage-delete">
      <legend>{t('storageDeleteTitle')}</legend>
      <div class="row">
        <label class="check">
          <input type="radio" name="storage-order" checked={order === 'oldest'} onChange={() => setOrder('oldest')} />
          {t('storageOrderOldest')}
        </label>
        <label class="check">
          <input type="radio" name="storage-order" checked={order === 'largest'} onChange={() => setOrder('largest')} />
          {t('storageOrderLargest')}
        </label>
      </div>
      <label class="row">
        {t('storageDeleteCount')}
        <input
          type="number"
          min={1}
          max={list.length}
          value={n}
          onInput={(e) => {
            setConfirming(false);
            setCount(Number((e.target as HTMLInputElement).value) || 1);
          }}
        />
      </label>
      <p class="help" data-role="delete-preview" aria-live="polite">
        {t('storageDeletePreview', picked.length, size(bytes), titles)}
      </p>
      {confirming ? (
        <div class="confirm" role="group" aria-label={t('storageDeleteConfirm', picked.length, size(bytes))}>
          <p class="warning">{t('storageDeleteConfirm', picked.length, size(bytes))}</p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => void remove()}>
              {t('storageDeleteYes')}
            </button>
            <button type="button" ref={cancel} onClick={() => setConfirming(false)}>
              {t('storageDeleteCancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => (setStatus(null), setConfirming(true))}>
            {t('storageDeleteButton')}
          </button>
        </div>
      )}
      <p class={`status ${status?.tone ?? ''}`} role="status">
        {status?.text ?? ''}
      </p>
    </fieldset>
  );
}
