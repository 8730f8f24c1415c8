import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { panelSaves, type SaveFailure } from '@/utils/panel/save-status';
import { levelOf, LOCAL_BUDGET_BYTES, type StorageLevel } from '@/utils/storage/budget';
import { localBytesInUse } from '@/utils/storage/usage';
import { coalesce } from '@/utils/ui/coalesce';

export interface StorageHealth {
  /** The last write that failed (and has not succeeded since). */
  failure?: SaveFailure;
  level: StorageLevel;
  used: number;
  budget: number;
}

/**
 * What the panel says about storage: a write that failed, and how full the budget is, measured when the
 * panel opens, after each settled answer is written and whenever another page frees space. Freed space also
 * writes again whatever failed, so nothing waits for the next question.
 */
export function useStorageHealth(retryFailed: () => void): StorageHealth {
  const [failure, setFailure] = useState<SaveFailure | undefined>(panelSaves.current());
  const [used, setUsed] = useState(0);

  useEffect(() => {
    let live = true;
    const measure = coalesce(async () => {
      const bytes = await localBytesInUse().catch(() => undefined); // unmeasurable: no "nearly full" claim
      if (live && bytes !== undefined) setUsed(bytes);
    });
    const offFailures = panelSaves.watch(() => {
      setFailure(panelSaves.current());
      void measure();
    });
    const offSaved = panelSaves.onSaved((_what, settled) => settled && void measure());
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      // Only removals: this panel's own writes are measured once settled (streaming writes every few hundred ms).
      if (area !== 'local' || !Object.values(changes).some((c) => c.newValue === undefined)) return;
      retryFailed();
      void measure();
    };
    browser.storage.onChanged.addListener(onChanged);
    void measure();
    return () => {
      live = false;
      offFailures();
      offSaved();
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [retryFailed]);

  return { failure, level: levelOf(used), used, budget: LOCAL_BUDGET_BYTES };
}
