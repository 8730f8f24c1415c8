import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import type { PageState } from './use-panel-session';
import { readyPage } from './use-page-reading';
import { BalanceButton } from './balance-button';

export function PanelHeader(props: {
  page: PageState;
  busy: boolean;
  onSummarize(): void;
  /** Summarize pressed (the click will follow). */
  onSummarizePress?(): void;
  onNewChat(): void;
  historyOpen: boolean;
  onHistory(): void;
  /** In the popup: the tab whose full panel the "Open full panel" button opens. */
  fullPanelTab?: number;
}) {
  const { page } = props;
  const held = readyPage(page);
  const title = held ? held.title || held.url : '';
  const host = held ? safeHost(held.url) : '';
  return (
    <header class="panel-header">
      <div class="page-id" title={held?.url}>
        <span class="page-title">{title || (page.state === 'reading' ? t('panelReadingPage') : t('appName'))}</span>
        {host && <span class="page-host">{host}</span>}
      </div>
      <div class="header-actions">
        <button
          type="button"
          onClick={props.onSummarize}
          onPointerDown={(e) => e.button === 0 && props.onSummarizePress?.()}
          disabled={props.busy || page.state === 'reading'}
        >
          {held?.video ? t('videoSummarize') : t('panelSummarize')}
        </button>
        <button type="button" onClick={props.onNewChat} disabled={props.busy}>
          {t('panelNewChat')}
        </button>
        <button type="button" aria-pressed={props.historyOpen} onClick={props.onHistory}>
          {t('panelHistory')}
        </button>
        <BalanceButton />
        {props.fullPanelTab !== undefined && (
          <button type="button" onClick={() => void openFullPanel(props.fullPanelTab!)}>
            {t('panelOpenFull')}
          </button>
        )}
      </div>
    </header>
  );
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/** The popup is small; the same conversation opens in a full tab bound to the page. */
async function openFullPanel(tabId: number) {
  await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`) });
  close();
}
