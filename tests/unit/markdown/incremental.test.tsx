// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { cleanup, render } from '@testing-library/preact';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { setFrameScheduler, setRenderSpy } from '@/components/markdown/frame';
import { manualFrames, renderAtOnce, renderStreamed } from './helpers';
import { sampleAnswer } from './sample-answer';

afterEach(() => {
  cleanup();
  setFrameScheduler(null);
  setRenderSpy(null);
});

const text = sampleAnswer(12);

test('settled blocks keep the same DOM nodes while more deltas arrive', () => {
  const { frames, flush } = manualFrames();
  const view = render(<MarkdownView text="" streaming />);
  const half = Math.floor(text.length / 2);
  for (let end = 11; end < half; end += 11) {
    act(() => view.rerender(<MarkdownView text={text.slice(0, end)} streaming />));
    flush();
  }
  // Blocks showing a reference whose definition has not arrived yet ("[link][ref]") are
  // rebuilt once it does; every other settled block must survive untouched.
  const settled = Array.from(view.container.querySelectorAll('.md-block:not(.md-tail) > *')).filter((node) => !node.textContent?.includes('['));
  expect(settled.length).toBeGreaterThan(20);
  for (let end = half; end < text.length + 11; end += 11) {
    act(() => view.rerender(<MarkdownView text={text.slice(0, end)} streaming />));
    flush();
  }
  act(() => view.rerender(<MarkdownView text={text} streaming={false} />));
  for (const node of settled) expect(view.container.contains(node)).toBe(true);
  expect(frames.count).toBeGreaterThan(100);
}, 30_000);

test('the streamed result equals rendering the whole text at once', () => {
  const once = renderAtOnce(text).container.innerHTML;
  cleanup();
  for (const size of [3, 40, 333]) {
    const { view } = renderStreamed(text, size, 3);
    expect(view.container.innerHTML).toBe(once);
    cleanup();
  }
}, 60_000);

test('block renders stay within frames + blocks', () => {
  const counts = { block: 0, tail: 0, relink: 0 };
  setRenderSpy((kind) => counts[kind]++);
  const { view, frames } = renderStreamed(text, 7);
  const blocks = view.container.querySelectorAll('.md-block').length;
  expect(blocks).toBeGreaterThan(50);
  expect(counts.tail).toBeGreaterThan(0);
  // The mount paints once before any frame.
  expect(counts.block + counts.tail).toBeLessThanOrEqual(frames.count + 1 + blocks);
  // Plus one rebuild per block whose reference definition came later (12 in this answer).
  expect(counts.relink).toBeLessThanOrEqual(12);
}, 30_000);

test('deltas between frames do not touch the DOM; the frame applies the latest text', () => {
  const { flush, pending } = manualFrames();
  const view = render(<MarkdownView text="Hello" streaming />);
  const before = view.container.innerHTML;
  act(() => view.rerender(<MarkdownView text="Hello **wor" streaming />));
  act(() => view.rerender(<MarkdownView text="Hello **world** and" streaming />));
  expect(view.container.innerHTML).toBe(before);
  expect(pending()).toBe(1);
  flush();
  expect(view.container.querySelector('strong')?.textContent).toBe('world');
  expect(view.container.querySelector('.md-caret')).not.toBeNull();
  act(() => view.rerender(<MarkdownView text="Hello **world** and more." streaming={false} />));
  expect(view.container.textContent?.trim()).toBe('Hello world and more.');
  expect(view.container.querySelector('.md-caret')).toBeNull();
});

test('unterminated syntax in the tail renders cleanly', () => {
  const { flush } = manualFrames();
  const view = render(<MarkdownView text="" streaming />);
  act(() => view.rerender(<MarkdownView text={'Intro\n\nSee **bold and `code'} streaming />));
  flush();
  expect(view.container.querySelector('strong code')?.textContent).toBe('code');
  act(() => view.rerender(<MarkdownView text={'Intro\n\n```py\nprint(1)'} streaming />));
  flush();
  expect(view.container.querySelector('pre code')?.textContent).toBe('print(1)\n');
  expect(view.container.textContent).not.toContain('```');
});

test('a replaced text (regenerate) is rebuilt, not appended to', () => {
  const view = renderAtOnce('# One\n\nfirst answer\n');
  act(() => view.rerender(<MarkdownView text={'# Two\n\nsecond'} streaming={false} />));
  expect(view.container.textContent?.replace(/\s+/g, ' ').trim()).toBe('Two second');
});

test('container classes stay constant while streaming', () => {
  const { flush } = manualFrames();
  const view = render(<MarkdownView text="a" streaming class="answer-md" />);
  const root = view.container.firstElementChild!;
  const classes = root.className;
  for (let end = 5; end < 400; end += 5) {
    act(() => view.rerender(<MarkdownView text={text.slice(0, end)} streaming class="answer-md" />));
    flush();
    expect(view.container.firstElementChild).toBe(root);
    expect(root.className).toBe(classes);
  }
});

test('an answer continued after a final render (Partial Mode) stays one paragraph', async () => {
  const { MarkdownStream } = await import('@/utils/markdown/incremental');
  const stream = new MarkdownStream();
  stream.update('The colony stayed wa', false);
  stream.update('The colony stayed wa', true);
  stream.update('The colony stayed warm all winter.', false);
  const done = stream.update('The colony stayed warm all winter.', true);
  expect(done.blocks.map((b) => b.html.trim())).toEqual(['<p>The colony stayed warm all winter.</p>']);
});
