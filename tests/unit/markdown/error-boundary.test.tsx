// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { setFrameScheduler } from '@/components/markdown/frame';
import { renderAtOnce, renderStreamed } from './helpers';
import { violations } from './dom-checks';

// Rendering throws for any block that says BOOM (as marked does on a stack overflow), and building
// the raw view throws for TOTAL (a failure no block catches, so the answer's own boundary must).
vi.mock('@/utils/markdown/marked-setup', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/utils/markdown/marked-setup')>();
  return {
    ...real,
    toHtml: (tokens: Parameters<typeof real.toHtml>[0]) => {
      if (tokens.some((t) => t.raw.includes('BOOM'))) throw new RangeError('Maximum call stack size exceeded');
      return real.toHtml(tokens);
    },
  };
});
vi.mock('@/components/markdown/decorate', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/components/markdown/decorate')>();
  return {
    ...real,
    rawFragment: (text: string, doc: Document) => {
      if (text.includes('TOTAL')) throw new Error('cannot even show the text');
      return real.rawFragment(text, doc);
    },
  };
});

afterEach(() => {
  cleanup();
  setFrameScheduler(null);
});

const hostile = 'BOOM <img src=x onerror=alert(1)> **not bold** [P1]';
const text = `Before **a**.\n\n${hostile}\n\nAfter *c*.\n`;

function checkRaw(root: Element) {
  const raw = root.querySelectorAll('.md-raw');
  expect(raw.length).toBe(1);
  expect(raw[0].textContent!.trim()).toBe(hostile);
  expect(raw[0].getAttribute('title')).toMatch(/plain text/);
  expect(root.querySelector('strong')!.textContent).toBe('a');
  expect(root.querySelector('em')!.textContent).toBe('c');
  expect(violations(root)).toEqual([]);
}

test('a block that fails to render shows its raw text, as text; the blocks around it render', () => {
  checkRaw(renderAtOnce(text).container);
});

test('streamed: the failing block shows raw text while it is the tail and once settled', () => {
  const seen: string[] = [];
  const { view } = renderStreamed(text, 5, 1, (root) => {
    const raw = root.querySelector('.md-raw');
    if (raw) seen.push(raw.textContent!);
  });
  expect(seen.some((s) => s.includes('BOOM'))).toBe(true);
  checkRaw(view.container);
});

test('a failure no block can catch shows that answer as plain text; the next answer is untouched', () => {
  const bad = `Fine.\n\nBOOM TOTAL <b>x</b>\n\nMore.`;
  const view = render(
    <div>
      <MarkdownView text={bad} streaming={false} />
      <MarkdownView text={'Second **answer**.'} streaming={false} />
    </div>,
  );
  const answers = view.container.querySelectorAll('.md');
  expect(answers.length).toBe(2);
  expect(answers[0].querySelector('.md-raw')!.textContent).toBe(bad);
  expect(answers[0].querySelector('b')).toBeNull();
  expect(answers[1].querySelector('strong')!.textContent).toBe('answer');
});
