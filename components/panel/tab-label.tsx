import { t } from '@/utils/i18n';
import type { PickBlock, PickEntry } from '@/utils/sources/tab-pick';

// Apart from the picker, so `@`'s list (loaded with the panel) does not pull the lazily loaded picker into the first load.
export const BLOCK_TEXT: Record<PickBlock, Parameters<typeof t>[0]> = {
  'browser-page': 'tabsWhyBrowserPage',
  store: 'tabsWhyStore',
  extension: 'tabsWhyExtension',
  hidden: 'tabsWhyHidden',
  added: 'tabsWhyAdded',
};

/** A tab's favicon (only http(s) and data: images reach here, tab-pick.ts), or its host's first letter. */
export function TabIcon(props: { entry: PickEntry }) {
  const { icon, host } = props.entry;
  return icon ? (
    <img class="tab-icon" src={icon} alt="" width={16} height={16} referrerpolicy="no-referrer" />
  ) : (
    <span class="tab-icon" aria-hidden="true">
      {(host[0] ?? '·').toUpperCase()}
    </span>
  );
}

/** A tab as both lists show it: favicon, title, host, and why it can't be added. */
export function TabLabel(props: { entry: PickEntry }) {
  const e = props.entry;
  return (
    <>
      <TabIcon entry={e} />
      <span class="tab-title">{e.title}</span>
      {e.host && <span class="tab-host">{e.host}</span>}
      {e.blocked && <span class="tab-why">{t(BLOCK_TEXT[e.blocked])}</span>}
    </>
  );
}
