// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { setFrameScheduler } from '@/components/markdown/frame';

afterEach(() => {
  cleanup();
  setFrameScheduler(null);
});

const seconds = (root: Element) => Array.from(root.querySelectorAll('button.md-moment'), (b) => (b as HTMLElement).dataset.seconds);

test('in an answer about a video, [m:ss] and [h:mm:ss] moments become buttons; in code and links they stay text', () => {
  const text = 'Warmth [2:00], food 【1:02:03】 and [P1].\n\nNot `[3:00]` nor [4:00](https://example.org), nor [9:99] or [12].';
  const root = render(<MarkdownView text={text} streaming={false} cites={{ has: (n) => n === 1, moments: true }} />).container;
  expect(seconds(root)).toEqual(['120', '3723']);
  expect(root.querySelector('button.md-moment')!.textContent).toBe('2:00');
  expect(root.querySelector('button.md-moment')!.getAttribute('aria-label')).toContain('2:00');
  expect(root.querySelector('button.md-cite')).not.toBeNull();
  expect(root.querySelector('code')!.textContent).toBe('[3:00]');
  expect(root.textContent).toContain('[9:99]');
});

test('in an answer about a page, times stay text', () => {
  const root = render(<MarkdownView text="At [2:00] it rang." streaming={false} cites={{ has: () => false }} />).container;
  expect(seconds(root)).toEqual([]);
  expect(root.textContent).toContain('[2:00]');
});

test('a hostile moment never becomes markup', () => {
  const text = '[2:00"><img src=x onerror=alert(1)>] [2:00]<script>alert(1)</script>';
  const root = render(<MarkdownView text={text} streaming={false} cites={{ has: () => false, moments: true }} />).container;
  expect(root.querySelector('img, script, [onerror]')).toBeNull();
  expect(seconds(root)).toEqual(['120']);
});

test('with the video 10 minutes long, a moment past its end is text with a tooltip, not a button; its end and before stay buttons', () => {
  const text = 'Start [0:05], the end [10:00], and [3:15:00] or 【10:01】 which it never reaches.';
  const root = render(<MarkdownView text={text} streaming={false} cites={{ has: () => false, moments: true, momentsEnd: 600 }} />).container;
  expect(seconds(root)).toEqual(['5', '600']);
  const past = Array.from(root.querySelectorAll<HTMLElement>('.md-moment-past'));
  expect(past.map((p) => p.textContent)).toEqual(['[3:15:00]', '【10:01】']);
  expect(past[0].tagName).toBe('SPAN');
  expect(past[0].title).toContain('10:00');
  expect(past[0].title).toContain('end of the video');
  expect(root.textContent).toContain('or 【10:01】 which');
});

test('with the length unknown (0), every moment stays a button', () => {
  const root = render(<MarkdownView text="At [3:15:00]." streaming={false} cites={{ has: () => false, moments: true, momentsEnd: 0 }} />).container;
  expect(seconds(root)).toEqual(['11700']);
  expect(root.querySelector('.md-moment-past')).toBeNull();
});
