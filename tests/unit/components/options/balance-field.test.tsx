// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BalanceField } from '../../../../components/options/balance-field';
import { PlatformField } from '../../../../components/options/platform-field';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';

const msg = (key: keyof typeof en) => formatMessage(en, key, []);
afterEach(cleanup);

describe('BalanceField', () => {
  it('with unsaved connection settings says to save first, and asks the worker nothing', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const view = render(<BalanceField platform="custom" unsaved />);
    fireEvent.click(view.getByRole('button', { name: msg('optionsBalanceCheck') }));
    await view.findByText(msg('optionsBalanceSaveFirst'));
    expect(send).not.toHaveBeenCalled();
  });

  it('with the settings saved, asks the worker about them, sending no endpoint or key', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, available: 12.5, currency: 'USD' });
    const view = render(<BalanceField platform="international" unsaved={false} />);
    fireEvent.click(view.getByRole('button', { name: msg('optionsBalanceCheck') }));
    await view.findByText(/\$12\.50/);
    expect(send).toHaveBeenCalledExactlyOnceWith({ name: 'options→bg:balance', data: {} });
  });
});

describe('PlatformField', () => {
  const field = (endpoint: string) => render(<PlatformField platform="custom" endpoint={endpoint} onPlatform={() => {}} onEndpoint={() => {}} />);

  it('warns that the key would travel in clear text to an http:// address off this machine', () => {
    expect(field('http://proxy.example/v1').getByRole('alert').textContent).toBe(msg('optionsEndpointClearText'));
  });

  it('does not warn for https:// or loopback', () => {
    expect(field('https://proxy.example/v1').queryByRole('alert')).toBeNull();
    expect(field('http://127.0.0.1:8787').queryByRole('alert')).toBeNull();
  });
});
