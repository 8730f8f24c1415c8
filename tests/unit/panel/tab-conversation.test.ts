import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { conversationForTab, newConversation, rememberTabConversation } from '../../../utils/panel/tab-conversation';
import { saveConversation } from '../../../utils/history/store';
import { addTurn } from '../../../utils/panel/conversation';
import type { StoredConversation } from '../../../utils/history/schema';

const URL_A = 'https://example.com/a';

async function savedWithTurn(tabId: number): Promise<StoredConversation> {
  const [c] = addTurn(newConversation(tabId, URL_A, 'A'), 'ask', 'q');
  await saveConversation(c as StoredConversation);
  return c as StoredConversation;
}

describe('conversationForTab', () => {
  it('a new tab on the same page gets the latest conversation when no open tab shows it (after a restart)', async () => {
    const c = await savedWithTurn(999);
    const tab = await fakeBrowser.tabs.create({ url: URL_A });
    expect((await conversationForTab(tab.id!, URL_A))?.id).toBe(c.id);
  });

  it('does not hand a conversation another open tab shows to a second tab (both would overwrite it)', async () => {
    const first = await fakeBrowser.tabs.create({ url: URL_A });
    const c = await savedWithTurn(first.id!);
    await rememberTabConversation(first.id!, c.id);
    const second = await fakeBrowser.tabs.create({ url: URL_A });
    expect(await conversationForTab(second.id!, URL_A)).toBeNull();
    // The first tab still gets its own back.
    expect((await conversationForTab(first.id!, URL_A))?.id).toBe(c.id);
  });

  it('takes it over once the tab that showed it is gone', async () => {
    const gone = 4242; // no such tab
    const c = await savedWithTurn(gone);
    await rememberTabConversation(gone, c.id);
    const second = await fakeBrowser.tabs.create({ url: URL_A });
    expect((await conversationForTab(second.id!, URL_A))?.id).toBe(c.id);
  });
});
