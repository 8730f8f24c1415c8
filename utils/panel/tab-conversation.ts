import { browser } from 'wxt/browser';
import { loadConversation, latestForUrl } from '../history/store';
import { settleInterrupted, CONVERSATION_VERSION, type StoredConversation } from '../history/schema';
import { newId } from './conversation';

/** Which conversation each tab shows, for this browser session (tab ids don't survive a restart). */
const PREFIX = 'tabConversation:';
const sessionKey = (tabId: number) => `${PREFIX}${tabId}`;

export async function rememberTabConversation(tabId: number, id: string): Promise<void> {
  await browser.storage.session.set({ [sessionKey(tabId)]: id });
}

export function newConversation(tabId: number | undefined, url = '', title = ''): StoredConversation {
  const now = Date.now();
  return { v: CONVERSATION_VERSION, id: newId('conv'), tabId, url, title, turns: [], createdAt: now, updatedAt: now };
}

/**
 * The conversation for a tab and the page it shows: the one this tab had
 * this session; after a browser restart, the latest one about the same page;
 * otherwise a new one. A tab that moved to another page starts afresh.
 */
export async function conversationForTab(tabId: number, url: string | undefined): Promise<StoredConversation | null> {
  const remembered = (await browser.storage.session.get(sessionKey(tabId)))[sessionKey(tabId)];
  if (typeof remembered === 'string') {
    const c = await loadConversation(remembered);
    if (c && (!url || !c.url || c.url === url)) return settleInterrupted(c);
  }
  if (!url) return null;
  const latest = await latestForUrl(url);
  // Another open tab shows it: two panels on one record would overwrite each other's turns.
  if (!latest || (await shownByAnotherTab(latest.id, tabId))) return null;
  return settleInterrupted(latest);
}

async function shownByAnotherTab(id: string, tabId: number): Promise<boolean> {
  const all = await browser.storage.session.get(null);
  for (const [key, value] of Object.entries(all)) {
    if (value !== id || key === sessionKey(tabId) || !key.startsWith(PREFIX)) continue;
    if (
      await browser.tabs.get(Number(key.slice(PREFIX.length))).then(
        (tab) => !!tab,
        () => false,
      )
    )
      return true;
  }
  return false;
}
