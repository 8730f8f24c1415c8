import { render } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { setFrameScheduler } from '@/components/markdown/frame';

/** A frame scheduler the test drives by hand, counting the frames it runs. */
export function manualFrames() {
  let queue: (() => void)[] = [];
  const frames = { count: 0 };
  setFrameScheduler((callback) => {
    queue.push(callback);
    return () => {
      queue = queue.filter((c) => c !== callback);
    };
  });
  const flush = () => {
    const run = queue;
    queue = [];
    if (run.length) frames.count++;
    act(() => run.forEach((callback) => callback()));
  };
  return { frames, flush, pending: () => queue.length };
}

/** Renders the text at once (not streaming). */
export function renderAtOnce(text: string) {
  return render(<MarkdownView text={text} streaming={false} />);
}

/** Streams `text` in `size`-character deltas, one frame every `perFrame` deltas, then ends the stream. */
export function renderStreamed(text: string, size: number, perFrame = 1, onFrame?: (root: Element) => void) {
  const { frames, flush } = manualFrames();
  const view = render(<MarkdownView text="" streaming />);
  let n = 0;
  for (let end = size; end < text.length + size; end += size) {
    act(() => view.rerender(<MarkdownView text={text.slice(0, end)} streaming />));
    if (++n % perFrame === 0) {
      flush();
      onFrame?.(view.container);
    }
  }
  flush();
  act(() => view.rerender(<MarkdownView text={text} streaming={false} />));
  return { view, frames };
}
