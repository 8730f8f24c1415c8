// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HistoryView } from '../../../../components/panel/history-view';
import { CONVERSATION_VERSION, type StoredConversation } from '../../../../utils/history/schema';
import { listConversations, loadConversation, saveConversation } from '../../../../utils/history/store';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';
import zh from '../../../../public/_locales/zh_CN/messages.json';

const msg = (key: keyof typeof en, ...subs: string[]) => formatMessage(en, key, subs);
afterEach(cleanup);

const stored = (id: string, title: string): StoredConversation => ({
  v: CONVERSATION_VERSION,
  id,
  url: `https://${id}.example/`,
  title,
  createdAt: 1,
  updatedAt: 1,
  turns: [{ id: `${id}-t`, mode: 'ask', question: 'Q', answer: 'A', reasoning: '', status: 'done' }],
});

async function historyOf(...titles: string[]) {
  for (const [i, title] of titles.entries()) await saveConversation(stored(`c${i}`, title));
  const view = render(<HistoryView onOpen={() => undefined} onClose={() => undefined} />);
  await view.findByRole('button', { name: msg('historyRenameNamed', titles[0]) });
  return view;
}

describe('HistoryView writes', () => {
  it('says a refused rename (storage full) and keeps the typed name in the open form; a later rename clears it', async () => {
    const view = await historyOf('Recipes');
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    fireEvent.click(view.getByRole('button', { name: msg('historyRenameNamed', 'Recipes') }));
    const input = view.getByRole('textbox', { name: msg('historyRenameLabel') });
    fireEvent.input(input, { target: { value: 'Soups' } });
    fireEvent.click(view.getByRole('button', { name: msg('historySaveName') }));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain(msg('historyRenameFailed'));
    expect(alert.textContent).toContain(msg('historyWriteFailedFull'));
    expect((view.getByRole('textbox', { name: msg('historyRenameLabel') }) as HTMLInputElement).value).toBe('Soups');
    expect((await loadConversation('c0'))?.name).toBeUndefined();

    set.mockRestore();
    fireEvent.click(view.getByRole('button', { name: msg('historySaveName') }));
    await view.findByRole('button', { name: msg('historyRenameNamed', 'Soups') });
    expect(view.queryByRole('alert')).toBeNull();
    expect((await loadConversation('c0'))?.name).toBe('Soups');
  });

  it("says a refused delete with the browser's words; the conversation stays listed", async () => {
    const view = await historyOf('Recipes', 'Travel');
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValue(new Error('IO error: disk unavailable'));
    fireEvent.click(view.getByRole('button', { name: msg('historyDeleteNamed', 'Travel') }));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain(msg('historyDeleteFailed'));
    expect(alert.textContent).toContain(msg('historyWriteFailedDetail', 'IO error: disk unavailable'));
    expect(view.getByRole('button', { name: msg('historyDeleteNamed', 'Travel') })).toBeTruthy();
    expect((await listConversations()).map((c) => c.title).sort()).toEqual(['Recipes', 'Travel']);
  });

  it('says a refused clear-all', async () => {
    const view = await historyOf('Recipes');
    // The test DOM has no confirm(); not vi.stubGlobal: unstubbing all would take the fake browser away from later files.
    window.confirm = () => true;
    onTestFinished(() => void Reflect.deleteProperty(window, 'confirm'));
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValue(new Error('IO error'));
    fireEvent.click(view.getByRole('button', { name: msg('historyClearAll') }));
    expect((await view.findByRole('alert')).textContent).toContain(msg('historyClearFailed'));
  });

  it('has every history write message in Chinese too', () => {
    for (const key of ['historyRenameFailed', 'historyDeleteFailed', 'historyClearFailed', 'historyWriteFailedFull', 'historyWriteFailedDetail'] as const) {
      expect(zh[key].message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
