import { useEffect, useRef } from 'preact/hooks';
import type { PageContent } from '@/utils/sources/types';
import { modelsCacheItem, settingsItem } from '@/utils/storage/items';
import { pageCoverage } from '@/utils/panel/coverage';

/** The chosen model and the models' windows: what decides whether a page fits. */
export const readLimits = () => Promise.all([settingsItem.getValue(), modelsCacheItem.getValue()]);
export type Limits = Awaited<ReturnType<typeof readLimits>>;

export const fitsWith = (page: PageContent, [settings, cache]: Limits): boolean =>
  !settings.model || pageCoverage(page, settings.model, cache?.models ?? []).fits;

/** `limits`: the settings and models, read while the page was being read. */
export const fits = async (page: PageContent, limits = readLimits()): Promise<boolean> => fitsWith(page, await limits);

/** The limits, read once and followed, so a question about the page held waits for no storage read. */
export function useHeldLimits() {
  const held = useRef<Limits | undefined>(undefined);
  useEffect(() => {
    const load = () => void readLimits().then((l) => (held.current = l), () => undefined);
    load();
    const unwatch = [settingsItem.watch(load), modelsCacheItem.watch(load)];
    return () => unwatch.forEach((u) => u());
  }, []);
  return {
    held: () => held.current,
    now: () => (held.current ? Promise.resolve(held.current) : readLimits()),
  };
}
