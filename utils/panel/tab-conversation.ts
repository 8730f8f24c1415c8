import { browser } from 'wxt/browser';
import { loadConversation, latestForUrl } from '../history/store';
import { settleInterrupted, CONVERSATION_VERSION, type StoredConversation } from '../history/schema';
import { newId } from './conversation';

/** Which conversation each tab shows, for this browser session (tab ids don't survive a restart). */
const sessionKey = (tabId: number) => `tabConversation:${tabId}`;

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
  return latest ? settleInterrupted(latest) : null;
}
