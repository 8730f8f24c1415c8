import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { measureStorage, type StorageReport } from '@/utils/storage/usage';
import { errorDetail } from '@/utils/storage/write-errors';
import { coalesce } from '@/utils/ui/coalesce';

/** The storage report, measured now and again whenever any storage area changes (a panel saving, a deletion). */
export function useStorageReport(): { report?: StorageReport; error?: string; refresh(): Promise<void> } {
  const [report, setReport] = useState<StorageReport | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const live = useMemo(() => ({ on: true }), []);
  const refresh = useMemo(
    () =>
      coalesce(async () => {
        try {
          const r = await measureStorage();
          if (live.on) setReport(r), setError(undefined);
        } catch (e) {
          if (live.on) setError(errorDetail(e));
        }
      }),
    [live],
  );

  useEffect(() => {
    const changed = () => void refresh();
    browser.storage.onChanged.addListener(changed);
    void refresh();
    return () => {
      live.on = false;
      browser.storage.onChanged.removeListener(changed);
    };
  }, [refresh, live]);

  return { report, error, refresh };
}
