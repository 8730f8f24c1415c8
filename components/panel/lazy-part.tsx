import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

/**
 * A part of the panel fetched when it is first shown, not with the panel's first load (its size budget,
 * scripts/check-sizes.mjs): History and the tab picker open on a click, so a moment's "Loading…" is fine;
 * `quiet` parts (a video's card and notice) show nothing until they arrive.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, opts: { quiet?: boolean } = {}): (props: P) => JSX.Element | null {
  let loading: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  // biome-ignore lint/correctness/noComponentHookFactories: called once per part at module level (as preact/compat's lazy), never during a render.
  return function LazyPart(props: P) {
    const [Part, setPart] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Part) return;
      loading ??= load().then((c) => (loaded = c));
      loading.then((c) => setPart(() => c)).catch(() => setFailed(true));
    }, [Part]);
    if (Part) return <Part {...props} />;
    if (opts.quiet && !failed) return null;
    return (
      <p class="hint" role="status">
        {failed ? t('panelPartFailed') : t('panelPartLoading')}
      </p>
    );
  };
}
