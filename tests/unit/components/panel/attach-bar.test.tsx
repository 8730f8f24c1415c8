// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttachBar } from '../../../../components/panel/attach-bar';
import { useAttachments, type Attachments } from '../../../../components/panel/attach-state';
import type { AskExtras } from '../../../../components/panel/use-panel-session';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';

const msg = (key: keyof typeof en, ...subs: string[]) => formatMessage(en, key, subs);
afterEach(cleanup);

function Harness(props: { onExtras(e: AskExtras): void; expose(a: Attachments): void }) {
  const attach = useAttachments(props.onExtras, undefined, { onSwitch: () => undefined });
  props.expose(attach);
  return <AttachBar attach={attach} tabId={3} />;
}

function setup() {
  const extras = vi.fn();
  let attach: Attachments | undefined;
  const view = render(<Harness onExtras={extras} expose={(a) => (attach = a)} />);
  const input = view.container.querySelector('input[type="file"]') as HTMLInputElement;
  const pick = (files: File[]) => {
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    fireEvent.change(input);
  };
  return { view, extras, pick, attach: () => attach! };
}

describe('AttachBar', () => {
  it('has an "Attach files" button that opens the picker', () => {
    const { view } = setup();
    const input = view.container.querySelector('input[type="file"]') as HTMLInputElement;
    const click = vi.spyOn(input, 'click');
    fireEvent.click(view.getByRole('button', { name: msg('attachFiles') }));
    expect(click).toHaveBeenCalled();
    expect(input.multiple).toBe(true);
  });

  it('reads text files locally, explains a bad one, and sends only what was read', async () => {
    const { view, extras, pick } = setup();
    pick([new File(['Notes about tides.'], 'tides.txt', { type: 'text/plain' }), new File([], 'empty.md')]);
    await waitFor(() => expect(view.getByText(msg('attachReady', '18'))).toBeTruthy());
    await waitFor(() => expect(view.getByText(msg('docEmptyFile'))).toBeTruthy());
    // The text goes with the question; the turn records the file, and its text is kept with the conversation.
    await waitFor(() =>
      expect(extras).toHaveBeenLastCalledWith({
        attachments: [{ name: 'tides.txt', text: 'Notes about tides.' }],
        files: [{ name: 'tides.txt', kind: 'text', size: 18, kept: true }],
        keep: [{ name: 'tides.txt', text: 'Notes about tides.' }],
      }),
    );
  });

  it('holds the question until an Office file has consent, and "Remove" drops an item', async () => {
    const { view, extras, pick, attach } = setup();
    pick([new File([new Uint8Array([0x50, 0x4b, 3, 4, 65, 66])], 'plan.docx')]);
    await waitFor(() => expect(view.getByText(msg('docOcrConsent', 'plan.docx'))).toBeTruthy());
    expect(attach().canSend()).toBe(false);
    await waitFor(() => expect(view.getByText(msg('attachNeedsConsent'))).toBeTruthy());
    fireEvent.click(view.getByRole('button', { name: msg('attachRemove', 'plan.docx') }));
    await waitFor(() => expect(view.queryByText(msg('docOcrConsent', 'plan.docx'))).toBeNull());
    expect(attach().canSend()).toBe(true);
    expect(extras).toHaveBeenLastCalledWith({});
  });
});
