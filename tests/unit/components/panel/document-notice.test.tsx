// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DocumentNotice } from '../../../../components/panel/document-notice';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';

const msg = (key: keyof typeof en, ...subs: string[]) => formatMessage(en, key, subs);
const URL_ = 'https://x.org/p.pdf';
afterEach(cleanup);

describe('DocumentNotice', () => {
  it('asks for the password and reads again with it; says when it was wrong', () => {
    const onRead = vi.fn();
    const view = render(<DocumentNotice doc={{ step: 'password', url: URL_, wrong: false }} onRead={onRead} />);
    expect(view.getByText(msg('docPasswordNeeded'))).toBeTruthy();
    const field = view.getByLabelText(msg('docPasswordLabel')) as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.input(field, { target: { value: 'hunter2' } });
    fireEvent.click(view.getByRole('button', { name: msg('docPasswordOpen') }));
    expect(onRead).toHaveBeenCalledWith({ password: 'hunter2' });
    view.rerender(<DocumentNotice doc={{ step: 'password', url: URL_, wrong: true }} onRead={onRead} />);
    expect(view.getByText(msg('docPasswordWrong'))).toBeTruthy();
  });

  it('shows the upload consent and only reads with recognition after the click', () => {
    const onRead = vi.fn();
    const view = render(<DocumentNotice doc={{ step: 'consent', url: URL_, name: 'p.pdf' }} onRead={onRead} />);
    expect(view.getByText(msg('docOcrConsent', 'p.pdf'))).toBeTruthy();
    expect(onRead).not.toHaveBeenCalled();
    fireEvent.click(view.getByRole('button', { name: msg('docOcrAgree') }));
    expect(onRead).toHaveBeenCalledWith({ ocr: true });
  });

  it('explains a failure; a missing site permission is requested, then the PDF is read again', async () => {
    const onRead = vi.fn();
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const view = render(<DocumentNotice doc={{ step: 'failed', url: URL_, failure: { reason: 'fetch-permission' } }} onRead={onRead} />);
    expect(view.getByText(msg('docFetchPermission'))).toBeTruthy();
    fireEvent.click(view.getByRole('button', { name: msg('pageAllowSite') }));
    await vi.waitFor(() => expect(onRead).toHaveBeenCalledWith({ fresh: true }));
    expect(request).toHaveBeenCalledWith({ origins: ['https://x.org/*'] });
  });

  it('offers no site permission for other failures', () => {
    const view = render(<DocumentNotice doc={{ step: 'failed', url: URL_, failure: { reason: 'corrupt', detail: 'bad xref' } }} onRead={vi.fn()} />);
    expect(view.getByText(msg('docCorrupt'))).toBeTruthy();
    expect(view.queryByRole('button', { name: msg('pageAllowSite') })).toBeNull();
    expect(view.getByText('bad xref')).toBeTruthy();
  });
});

describe('DocumentNotice for a local (file://) PDF', () => {
  const LOCAL = 'file:///home/me/report.pdf';

  it("file access off (Chromium): says how to turn it on and opens the extension's settings page", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const view = render(<DocumentNotice doc={{ step: 'failed', url: LOCAL, failure: { reason: 'file-access' } }} onRead={vi.fn()} />);
    expect(view.getByText(msg('docFileAccessChrome'))).toBeTruthy();
    fireEvent.click(view.getByRole('button', { name: msg('docFileAccessOpen') }));
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: `chrome://extensions/?id=${fakeBrowser.runtime.id}` }));
    expect(view.getByRole('button', { name: msg('pageReadAgain') })).toBeTruthy();
  });

  it('file access on but no file permission yet: asks for file:///*, then reads again', async () => {
    const onRead = vi.fn();
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const view = render(<DocumentNotice doc={{ step: 'failed', url: LOCAL, failure: { reason: 'file-permission' } }} onRead={onRead} />);
    expect(view.getByText(msg('docFilePermission'))).toBeTruthy();
    fireEvent.click(view.getByRole('button', { name: msg('docFileAllow') }));
    await vi.waitFor(() => expect(onRead).toHaveBeenCalledWith({ fresh: true }));
    expect(request).toHaveBeenCalledWith({ origins: ['file:///*'] });
  });

  it('Firefox: says it can\'t and suggests dropping the file into the panel; no pointless "read again"', () => {
    const view = render(<DocumentNotice doc={{ step: 'failed', url: LOCAL, failure: { reason: 'file-unsupported' } }} onRead={vi.fn()} />);
    expect(view.getByText(msg('docFileAccessFirefox'))).toBeTruthy();
    expect(view.queryByRole('button', { name: msg('pageReadAgain') })).toBeNull();
    expect(view.queryByRole('button', { name: msg('docFileAccessOpen') })).toBeNull();
  });
});
