// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { cleanup, render } from '@testing-library/preact';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { setFrameScheduler } from '@/components/markdown/frame';
import { manualFrames } from './helpers';

afterEach(() => {
  cleanup();
  setFrameScheduler(null);
});

const cites = { has: (n: number) => n >= 1 && n <= 5 };
const numbers = (root: Element) => Array.from(root.querySelectorAll('button.md-cite'), (b) => (b as HTMLElement).dataset.cite);

test('markers become numbered buttons; unknown ones vanish without a trace', () => {
  const view = render(<MarkdownView text={'Landed in 1969 [P1]. Returned [P2, P9][P3]. Invented [P42].'} streaming={false} cites={cites} />);
  const root = view.container;
  expect(numbers(root)).toEqual(['1', '2', '3']);
  expect(root.textContent!.trim()).toBe('Landed in 1969 1. Returned 23. Invented.');
  expect(root.querySelector('button.md-cite')!.getAttribute('aria-label')).toContain('1');
  expect(root.querySelector('sup.md-cites')).not.toBeNull();
});

test('markers in code, links and math stay as written; without passages nothing is linked', () => {
  const text = 'Use `arr[P1]` and [P1](https://example.org) and $x_{[P1]}$\n\n```\n[P2]\n```';
  const root = render(<MarkdownView text={text} streaming={false} cites={cites} />).container;
  expect(numbers(root)).toEqual([]);
  expect(root.querySelector('code')!.textContent).toBe('arr[P1]');
  expect(root.querySelector('pre')!.textContent).toContain('[P2]');
  const plain = render(<MarkdownView text="Fact [P1]." streaming={false} />).container;
  expect(numbers(plain)).toEqual([]);
  expect(plain.textContent!.trim()).toBe('Fact.');
});

test('hostile markers never become markup', () => {
  const text = 'A [P1"><img src=x onerror=alert(1)>] B [P1]<script>alert(1)</script> C 【P2】<svg onload=alert(1)>';
  const root = render(<MarkdownView text={text} streaming={false} cites={cites} />).container;
  expect(root.querySelector('img, script, svg, [onerror], [onload]')).toBeNull();
  expect(numbers(root)).toEqual(['1', '2']);
  for (const b of root.querySelectorAll('button.md-cite'))
    expect(Array.from(b.attributes, (a) => a.name).sort()).toEqual(['aria-label', 'class', 'data-cite', 'type']);
});

test('a marker split across deltas never shows half-written, and ends as a link', () => {
  const text = 'The crew landed [P1] and came back [P2, P3]. Then 【P4】 more text follows here.';
  const { flush } = manualFrames();
  const view = render(<MarkdownView text="" streaming cites={cites} />);
  for (let end = 1; end <= text.length; end++) {
    act(() => view.rerender(<MarkdownView text={text.slice(0, end)} streaming cites={cites} />));
    flush();
    const shown = (view.container.textContent ?? '').trim();
    expect(shown, `after ${end} characters`).not.toMatch(/[[【]\s*P?\d*(?:,\s*P?\d*)*$/);
    expect(shown).not.toMatch(/\[P|【P/);
  }
  act(() => view.rerender(<MarkdownView text={text} streaming={false} cites={cites} />));
  expect(numbers(view.container)).toEqual(['1', '2', '3', '4']);
});
