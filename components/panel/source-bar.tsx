import type { PageContent } from '@/utils/sources/types';
import type { AddedTab } from '@/utils/sources/tab-fresh';
import { useMemo } from 'preact/hooks';
import type { ModelInfo } from '@/utils/kimi/types';
import { planSources, worstShare, type SourceShare } from '@/utils/panel/tab-plan';
import { t, uiLanguage } from '@/utils/i18n';
import type { TabSources } from './use-tab-sources';
import { lazyPart } from './lazy-part';
import './source-bar.css';

const STATUS_TEXT = { closed: 'tabsClosed', navigated: 'tabsNavigated', changed: 'tabsChanged', unreadable: 'tabsUnreadable' } as const;
const REASON_TEXT = {
  'pdf-password': 'tabsReasonPdfPassword',
  'pdf-scan': 'tabsReasonPdfScan',
  'pdf-failed': 'tabsReasonPdfFailed',
  empty: 'tabsReasonEmpty',
} as const;

/** One source: its title, ≈ tokens, how much Kimi reads when not all, its state, and "Remove <title>". */
function Chip(props: { title: string; share?: SourceShare; status?: AddedTab['status']; onRemove(): void; current?: boolean }) {
  const { share, status } = props;
  const n = (v: number) => Math.round(v).toLocaleString(uiLanguage());
  return (
    <li class="source-chip" data-status={status ?? 'ready'} data-current={props.current ? 'true' : undefined}>
      <span class="source-title">{props.title}</span>
      {share && <span class="source-size">{t('tabsTokens', n(share.tokens))}</span>}
      {share && share.coverage < 1 && <span class="source-cover">{t('tabsReads', String(Math.max(1, Math.floor(share.coverage * 100))))}</span>}
      {status && status !== 'ready' && <span class="source-state">{t(STATUS_TEXT[status])}</span>}
      <button type="button" aria-label={t('tabsRemove', props.title)} onClick={props.onRemove}>
        ×
      </button>
    </li>
  );
}

/**
 * The next question's sources when it is about more than the bound tab: a chip per source (the bound tab's too,
 * which can be removed), "Add tabs" and its picker, what an "Add" could not do, and — when the sources don't fit
 * even cut by size — the ways out: a larger model, fewer tabs, or answering in parts.
 */

const TabPicker = lazyPart(() => import('./tab-picker').then((m) => m.TabPicker));
export function SourceBar(props: {
  sources: TabSources;
  page?: PageContent;
  model?: string;
  models: ModelInfo[];
  onUseModel(model: string): void;
  onParts?(): void;
}) {
  const { sources, page, model, models } = props;
  const many = sources.tabs.length > 0 || sources.pageOff;
  const shownPage = sources.pageOff ? undefined : page;
  const plan = useMemo(() => (many && model ? planSources(shownPage, sources.tabs, model, models) : null), [many, shownPage, sources.tabs, model, models]);
  const note = sources.note;
  const worst = plan && !plan.enough ? worstShare(plan) : null;
  const worstTitle = worst && (shownPage && worst.index === 0 ? shownPage.title || shownPage.url : sources.tabs[worst.index - (shownPage ? 1 : 0)]?.title);
  return (
    <div class="source-bar">
      {many && (
        <ul class="source-list" aria-label={t('tabsListLabel')}>
          {page && !sources.pageOff && <Chip current title={page.title || page.url} share={plan?.page} onRemove={() => sources.setPageOff(true)} />}
          {sources.tabs.map((tab, i) => (
            <Chip key={tab.tabId} title={tab.title || tab.url} share={plan?.tabs[i]} status={tab.status} onRemove={() => sources.remove(tab.tabId)} />
          ))}
        </ul>
      )}
      <div class="attach-actions">
        <button type="button" onClick={() => sources.open()}>
          {t('tabsAdd')}
        </button>
        {page && sources.pageOff && (
          <button type="button" onClick={() => sources.setPageOff(false)}>
            {t('tabsIncludePage', page.title || page.url)}
          </button>
        )}
      </div>
      {sources.entries && sources.mode === 'dialog' && <TabPicker entries={sources.entries} onAdd={sources.add} onCancel={sources.closePicker} />}
      {sources.adding && (
        <p class="hint" role="status">
          {t('tabsReading')}
        </p>
      )}
      {note && (
        <div class="notice" role="status">
          {note.refused.length > 0 && <p>{t('tabsRefused', note.refused.join(', '))}</p>}
          {note.failed.map((f) => (
            <p key={f.title}>{t('tabsFailed', f.title, t(f.reason in REASON_TEXT ? REASON_TEXT[f.reason as keyof typeof REASON_TEXT] : 'tabsReasonOther'))}</p>
          ))}
          {note.over > 0 && <p>{t('tabsOver', String(note.over))}</p>}
          {note.missing?.length ? <p>{t('tabsRestoreMissing', note.missing.join(', '))}</p> : null}
        </div>
      )}
      {worst && plan && (
        <div class="notice" role="status">
          <p class="notice-title">{t('tabsTooMany', plan.model, String(Math.floor(worst.share.coverage * 100)), worstTitle ?? '')}</p>
          <div class="notice-actions">
            {plan.larger && (
              <button type="button" onClick={() => props.onUseModel(plan.larger!)}>
                {t('tabsUseModel', plan.larger)}
              </button>
            )}
            {props.onParts && (
              <button type="button" onClick={props.onParts}>
                {t('tabsInParts')}
              </button>
            )}
          </div>
          <p>{t('tabsFewer')}</p>
        </div>
      )}
    </div>
  );
}
