// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ShortcutsInfo } from '../../../../components/panel/shortcuts-info';

type Command = { name?: string; shortcut?: string; description?: string };
const commands = (list: Command[]) =>
  Object.assign(fakeBrowser, { commands: { ...(fakeBrowser as { commands?: object }).commands, getAll: vi.fn(async () => list) } });

afterEach(cleanup);

describe('ShortcutsInfo', () => {
  it('lists each command with its keys, "not set" for a removed one, and where to change them', async () => {
    commands([
      { name: 'ask-selection', shortcut: '' },
      { name: '_execute_action', shortcut: 'Alt+Shift+K' },
      { name: 'summarize-page', shortcut: 'Alt+Shift+U' },
      { name: 'someone-else', shortcut: 'Alt+Shift+Z' },
    ]);
    const { container, findByText } = render(<ShortcutsInfo />);
    await findByText('Keyboard shortcuts');
    const items = [...container.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['Alt+Shift+K Open the Moonlit panel', 'Alt+Shift+U Summarize this page', 'not set Ask Kimi about the selection']);
    expect(container.textContent).toContain('chrome://extensions/shortcuts');
  });

  it('reads the bindings again when opened, so a key changed meanwhile shows', async () => {
    const api = commands([{ name: 'summarize-page', shortcut: 'Alt+Shift+U' }]);
    const { container, findByText } = render(<ShortcutsInfo />);
    await findByText('Alt+Shift+U');
    api.commands.getAll.mockResolvedValue([{ name: 'summarize-page', shortcut: 'Ctrl+Shift+1' }]);
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(container.querySelector('kbd')?.textContent).toBe('Ctrl+Shift+1'));
  });

  it('shows nothing when the commands cannot be read', async () => {
    const api = commands([]);
    api.commands.getAll.mockRejectedValue(new Error('no commands API'));
    const { container } = render(<ShortcutsInfo />);
    await waitFor(() => expect(api.commands.getAll).toHaveBeenCalled());
    expect(container.innerHTML).toBe('');
  });
});
