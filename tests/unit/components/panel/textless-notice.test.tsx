// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TextlessNotice } from '../../../../components/panel/textless-notice';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';

const msg = (key: keyof typeof en, ...subs: string[]) => formatMessage(en, key, subs);
afterEach(cleanup);

describe('TextlessNotice', () => {
  it('names the pages without text and offers recognition for them; the button waits while it runs', async () => {
    let finish!: () => void;
    let asked = 0;
    const view = render(
      <TextlessNotice textless={{ pending: [3, 7, 8, 9], empty: [] }} onRecognise={() => (asked++, new Promise<void>((r) => (finish = r)))} />,
    );
    expect(view.getByRole('status').textContent).toContain(msg('docTextlessMany', '3, 7–9'));
    fireEvent.click(view.getByRole('button', { name: msg('docTextlessRecognise') }));
    expect(asked).toBe(1);
    const busy = await view.findByRole('button', { name: msg('docTextlessRecognising') });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    finish();
    await view.findByRole('button', { name: msg('docTextlessRecognise') });
  });

  it('says which pages recognition found empty and why it stopped; nothing to offer when none is pending', () => {
    const view = render(
      <TextlessNotice textless={{ pending: [], empty: [4], failed: { failure: { reason: 'upload-failed' } } }} onRecognise={async () => undefined} />,
    );
    const text = view.getByRole('status').textContent ?? '';
    expect(text).toContain(msg('docTextlessEmpty', '4'));
    expect(text).toContain(msg('docTextlessStopped', msg('docUploadFailed')));
    expect(view.queryByRole('button')).toBeNull();
    expect(msg('docTextlessOne', '2')).toBe('Page 2 has no text layer');
  });

  it('shows nothing once every page has text', () => {
    const view = render(<TextlessNotice textless={{ pending: [], empty: [] }} onRecognise={async () => undefined} />);
    expect(view.container.textContent).toBe('');
  });
});
