// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TurnFiles } from '../../../../components/panel/attach-turn-files';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';

const msg = (key: keyof typeof en, ...subs: string[]) => formatMessage(en, key, subs);
afterEach(cleanup);

describe('TurnFiles', () => {
  it('lists each file with its kind and size, and says when its text was too big to keep', () => {
    const view = render(
      <TurnFiles
        files={[
          { name: 'notes.txt', kind: 'text', size: 35, kept: true },
          { name: 'book.pdf', kind: 'pdf', size: 3 * 1024 * 1024, kept: false },
          { name: 'Screenshot', kind: 'image', size: 2048, kept: false },
        ]}
      />,
    );
    const items = view.getAllByRole('listitem').map((li) => li.textContent);
    expect(view.getByRole('list', { name: msg('turnFilesLabel') })).toBeTruthy();
    expect(items[0]).toBe(`notes.txt${msg('fileKindText')} · ${msg('fileSizeBytes', '35')}`);
    expect(items[1]).toContain(`${msg('fileKindPdf')} · ${msg('fileSizeMb', '3')}`);
    expect(items[1]).toContain(msg('turnFileTooBig'));
    expect(items[2]).toContain(msg('turnFileImageNotKept'));
    expect(items[0]).not.toContain(msg('turnFileTooBig'));
  });

  it('shows nothing for a turn without files', () => {
    const view = render(<TurnFiles files={undefined} />);
    expect(view.container.innerHTML).toBe('');
  });
});
