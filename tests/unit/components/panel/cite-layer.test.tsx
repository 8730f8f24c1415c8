// @vitest-environment happy-dom
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TurnView } from '../../../../components/panel/turn-view';
import { preloadMarkdown } from '../../../../components/markdown/lazy-markdown';
import { splitPassages } from '../../../../utils/citations/passages';
import { forgetPassages, rememberPassages } from '../../../../utils/panel/turn-sources';
import type { Turn } from '../../../../utils/panel/conversation';
import type { CiteResult } from '../../../../utils/citations/types';
import { formatMessage } from '../../setup';
import en from '../../../../public/_locales/en/messages.json';

const msg = (key: keyof typeof en, ...subs: string[]) => formatMessage(en, key, subs);
const page = 'Intro paragraph.\n\n--- Page 4 ---\n\nThe bees stored honey for winter.\n\nA last line.';
const where = { tabId: 7, url: 'https://example.org/a' };
afterEach(cleanup);

function turnCiting(answer: string): Turn {
  const turn: Turn = { id: `t-${Math.random()}`, mode: 'ask', question: 'q?', answer, reasoning: '', status: 'done' };
  rememberPassages(turn.id, splitPassages(page, true));
  return turn;
}

async function renderTurn(turn: Turn) {
  await preloadMarkdown();
  const view = render(<TurnView turn={turn} busy={false} last citeWhere={where} onContinue={() => undefined} onResend={() => undefined} />);
  await waitFor(() => expect(view.container.querySelector('button.md-cite')).not.toBeNull());
  return view;
}

describe('citations in an answer', () => {
  it('hovering or focusing a citation shows its passage and page; Escape hides it', async () => {
    const view = await renderTurn(turnCiting('They stored honey [P2].'));
    const button = view.container.querySelector('button.md-cite') as HTMLButtonElement;
    fireEvent.mouseOver(button);
    const tip = view.getByRole('tooltip');
    expect(tip.textContent).toContain('The bees stored honey for winter.');
    expect(tip.textContent).toContain(msg('citePage', '4'));
    expect(button.getAttribute('aria-describedby')).toBe(tip.id);
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(view.queryByRole('tooltip')).toBeNull();
    fireEvent.focusIn(button);
    expect(view.getByRole('tooltip')).toBeTruthy();
  });

  it('a click asks the worker to show the passage in the bound tab', async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => (sent.push(m), { ok: true, how: 'highlight' } satisfies CiteResult));
    const turn = turnCiting('Intro [P1].');
    const view = await renderTurn(turn);
    fireEvent.click(view.container.querySelector('button.md-cite')!);
    await waitFor(() => expect(sent).toHaveLength(1));
    const passage = splitPassages(page, true)[0];
    expect(sent[0]).toEqual({ name: 'panel→bg:cite', data: { ...where, quote: 'Intro paragraph.', at: passage.at } });
    expect(view.queryByRole('status')).toBeNull();
  });

  it('when the passage is gone, the quoted text is shown in the panel instead, and the answer stays', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: false, reason: 'gone' } satisfies CiteResult);
    const turn = turnCiting('Honey [P2].');
    const view = await renderTurn(turn);
    forgetPassages(turn.id); // after a reload only the saved sources are left
    view.rerender(
      <TurnView
        turn={{ ...turn, sources: { 2: { quote: 'The bees stored honey for winter.', at: 0.4, page: 4 } } }}
        busy={false}
        last
        citeWhere={where}
        onContinue={() => undefined}
        onResend={() => undefined}
      />,
    );
    fireEvent.click(view.container.querySelector('button.md-cite')!);
    const status = await view.findByRole('status');
    expect(status.textContent).toContain(msg('citeGone'));
    expect(status.textContent).toContain('The bees stored honey for winter.');
    expect(view.container.textContent).toContain('Honey');
    fireEvent.click(view.getByRole('button', { name: msg('citeClose') }));
    expect(view.queryByRole('status')).toBeNull();
  });

  it('without a tab to show it in, the quote is shown at once', async () => {
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await preloadMarkdown();
    const turn = turnCiting('Last [P3].');
    const view = render(<TurnView turn={turn} busy={false} last onContinue={() => undefined} onResend={() => undefined} />);
    await waitFor(() => expect(view.container.querySelector('button.md-cite')).not.toBeNull());
    fireEvent.click(view.container.querySelector('button.md-cite')!);
    expect((await view.findByRole('status')).textContent).toContain('A last line.');
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('moments in an answer about a video', () => {
  it("once the video's length is known, the answer is drawn again and a moment past the end is text with a tooltip", async () => {
    await preloadMarkdown();
    const video = { tabId: 7, url: 'https://www.youtube.com/watch?v=abcdefghijk' };
    const turn: Turn = { id: 't-video', mode: 'summarize', question: '', answer: 'Warmth [2:00], spring [3:15:00].', reasoning: '', status: 'done' };
    const draw = (citeWhere: typeof video & { lengthSeconds?: number }) => (
      <TurnView turn={turn} busy={false} last citeWhere={citeWhere} onContinue={() => undefined} onResend={() => undefined} />
    );
    const view = render(draw(video));
    const moments = () => Array.from(view.container.querySelectorAll<HTMLElement>('button.md-moment'), (b) => b.dataset.seconds);
    await waitFor(() => expect(moments()).toEqual(['120', '11700']));
    view.rerender(draw({ ...video, lengthSeconds: 600 }));
    await waitFor(() => expect(moments()).toEqual(['120']));
    const past = view.container.querySelector<HTMLElement>('.md-moment-past')!;
    expect(past.textContent).toBe('[3:15:00]');
    expect(past.title).toBe(msg('videoMomentPastEnd', '10:00'));
  });
});
