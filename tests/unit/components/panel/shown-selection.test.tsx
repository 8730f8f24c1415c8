// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useShownSelection } from '../../../../components/panel/use-shown-selection';

afterEach(cleanup);

const TAB = 7;
const told = (tabId = TAB) =>
  fakeBrowser.runtime.onMessage.trigger({ name: 'bg→panel:selection-changed', data: { tabId } }, { id: fakeBrowser.runtime.id } as never);

function Harness(props: { readPage: () => Promise<unknown> }) {
  useShownSelection(TAB, { state: 'idle' }, props.readPage, document);
  return (
    <div>
      <form class="ask-box">
        <textarea aria-label="question" />
        <button type="submit">Send</button>
      </form>
      <button type="button">Elsewhere</button>
    </div>
  );
}

function setup() {
  const readPage = vi.fn(async () => undefined);
  const view = render(<Harness readPage={readPage} />);
  const box = view.getByRole('textbox', { name: 'question' });
  return { readPage, view, box, send: view.getByRole('button', { name: 'Send' }), elsewhere: view.getByRole('button', { name: 'Elsewhere' }) };
}

describe('the selection the panel shows follows the page', () => {
  it('a change the worker reports is read at once while the user is not in the question box', async () => {
    const s = setup();
    await told();
    expect(s.readPage).toHaveBeenCalledTimes(1);
    await told(TAB + 1); // another tab's change is not this panel's
    expect(s.readPage).toHaveBeenCalledTimes(1);
  });

  it('a change reported while the user is in the box is not read then, but as the user leaves the box', async () => {
    const s = setup();
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    s.box.focus();
    expect(document.activeElement).toBe(s.box);
    await told();
    expect(s.readPage).not.toHaveBeenCalled();
    // Moving to Send stays inside the box: the page's selection made meanwhile is still not taken.
    s.send.focus();
    expect(s.readPage).not.toHaveBeenCalled();
    // Leaving the box reads the page once, which arms its reader to tell the next change.
    s.elsewhere.focus();
    expect(s.readPage).toHaveBeenCalledTimes(1);
    s.box.focus();
    s.elsewhere.focus();
    expect(s.readPage).toHaveBeenCalledTimes(1); // nothing was missed this time
  });

  it('leaving the box with nothing missed reads nothing', () => {
    const s = setup();
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    s.box.focus();
    s.box.blur();
    expect(s.readPage).not.toHaveBeenCalled();
  });
});
