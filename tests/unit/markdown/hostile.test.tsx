// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { cleanup } from '@testing-library/preact';
import { setFrameScheduler } from '@/components/markdown/frame';
import { HOSTILE_PAYLOADS } from './payloads';
import { violations } from './dom-checks';
import { renderAtOnce, renderStreamed } from './helpers';

afterEach(() => {
  cleanup();
  setFrameScheduler(null);
});

test('the corpus is big enough', () => {
  expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(150);
});

test('the checker itself catches unsafe DOM', () => {
  const root = document.createElement('div');
  root.innerHTML = '<p style="x" onclick="y"><a href="javascript:alert(1)">a</a><a href="https://ok.example">b</a></p>';
  root.append(document.createElement('img'));
  expect(violations(root)).toEqual(expect.arrayContaining(['p[onclick]', 'p[style]', '<img>']));
  expect(violations(root).some((v) => v.includes('javascript:'))).toBe(true);
  expect(violations(root).some((v) => v.includes('without target/rel'))).toBe(true);
});

describe.each(HOSTILE_PAYLOADS.map((payload, i) => [i, payload] as const))('payload %i', (_i, payload) => {
  const text = `Intro line.\n\n${payload}\n\nAfter **text**.\n`;

  test('rendered at once', () => {
    const { container } = renderAtOnce(text);
    expect(violations(container)).toEqual([]);
    expect(container.textContent).toContain('After');
  });

  test('streamed in 7-character deltas', () => {
    const seen: string[] = [];
    const { view } = renderStreamed(text, 7, 1, (root) => seen.push(...violations(root)));
    expect(seen).toEqual([]);
    expect(violations(view.container)).toEqual([]);
  });
});
