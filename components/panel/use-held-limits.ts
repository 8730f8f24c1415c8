import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { KimiFailure } from '@/utils/kimi/types';
import type { PageContent } from '@/utils/sources/types';
import { modelsCacheItem, settingsItem } from '@/utils/storage/items';
import { coverageFailure, pageCoverage } from '@/utils/panel/coverage';

/** The chosen model and the models' windows: what decides whether a page fits. */
export const readLimits = () => Promise.all([settingsItem.getValue(), modelsCacheItem.getValue()]);
export type Limits = Awaited<ReturnType<typeof readLimits>>;

/**
 * Why a question about `page` can't be sent whole with the model it goes to, or null when it fits: `chosen` is the
 * panel's Model control for this conversation (the question goes to it), else the saved model.
 */
export const tooLongWith = (page: PageContent, [settings, cache]: Limits, chosen?: string): KimiFailure | null => {
  const model = chosen || settings.model;
  return model ? coverageFailure(pageCoverage(page, model, cache?.models ?? [])) : null;
};

/** `limits`: the settings and models, read while the page was being read. */
export const tooLong = async (page: PageContent, limits = readLimits(), chosen?: string): Promise<KimiFailure | null> =>
  tooLongWith(page, await limits, chosen);

/** The limits, read once and followed, so a question about the page held waits for no storage read. */
export function useHeldLimits() {
  const held = useRef<Limits | undefined>(undefined);
  useEffect(() => {
    const load = () =>
      void readLimits().then(
        (l) => (held.current = l),
        () => undefined,
      );
    load();
    const unwatch = [settingsItem.watch(load), modelsCacheItem.watch(load)];
    return () => unwatch.forEach((u) => u());
  }, []);
  // The same object every render (its functions read the ref), so callbacks that use it need not change.
  return useMemo(
    () => ({
      held: () => held.current,
      now: () => (held.current ? Promise.resolve(held.current) : readLimits()),
    }),
    [],
  );
}
