// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AskBox } from '../../../../components/panel/ask-box';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';

const msg = (key: keyof typeof en) => formatMessage(en, key, []);
afterEach(cleanup);

function setup() {
  const props = { onSend: vi.fn(async () => true), onStop: vi.fn(), onWarm: vi.fn(), onPress: vi.fn() };
  const view = render(<AskBox streaming={false} {...props} />);
  const box = view.getByRole('textbox', { name: msg('panelAskLabel') });
  const send = view.getByRole('button', { name: msg('panelSend') });
  return { ...props, view, box, send };
}

describe('AskBox: getting the question ready to go', () => {
  it('typing warms the way to the worker', () => {
    const s = setup();
    fireEvent.input(s.box, { target: { value: 'Why?' } });
    expect(s.onWarm).toHaveBeenCalled();
  });

  it('pressing Send with a question starts the check; an empty box or another button does not', () => {
    const s = setup();
    fireEvent.pointerDown(s.send, { button: 0 });
    expect(s.onPress).not.toHaveBeenCalled(); // nothing to send yet
    fireEvent.input(s.box, { target: { value: 'Why?' } });
    fireEvent.pointerDown(s.send, { button: 2 });
    expect(s.onPress).not.toHaveBeenCalled();
    fireEvent.pointerDown(s.send, { button: 0 });
    expect(s.onPress).toHaveBeenCalledTimes(1);
    fireEvent.click(s.send);
    expect(s.onSend).toHaveBeenCalledWith('Why?');
  });

  it('a mouse press on Send leaves the focus in the question box', () => {
    const s = setup();
    s.box.focus();
    expect(fireEvent.mouseDown(s.send)).toBe(false); // default prevented: no focus change
    expect(document.activeElement).toBe(s.box);
  });
});

describe('PanelHeader: pressing Summarize', () => {
  it('starts the check on a left press only', async () => {
    const { PanelHeader } = await import('../../../../components/panel/panel-header');
    const onSummarizePress = vi.fn();
    const page = { state: 'ready' as const, page: { url: 'https://a.example/', title: 'A', text: 'x', selection: '' } };
    const view = render(
      <PanelHeader
        page={page}
        busy={false}
        onSummarize={vi.fn()}
        onSummarizePress={onSummarizePress}
        onNewChat={vi.fn()}
        historyOpen={false}
        onHistory={vi.fn()}
      />,
    );
    const button = view.getByRole('button', { name: msg('panelSummarize') });
    fireEvent.pointerDown(button, { button: 1 });
    expect(onSummarizePress).not.toHaveBeenCalled();
    fireEvent.pointerDown(button, { button: 0 });
    expect(onSummarizePress).toHaveBeenCalledTimes(1);
  });
});
