// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cleanup } from '@testing-library/preact';
import fc from 'fast-check';
import { setFrameScheduler, setRenderSpy } from '@/components/markdown/frame';
import { loadKatex, texDepth, texToMathml, MAX_TEX_DEPTH } from '@/utils/markdown/katex-loader';
import { LONG_TAIL } from '@/utils/markdown/incremental';
import { MAX_DEPTH, MAX_EMPHASIS_DEPTH } from '@/utils/markdown/nesting';
import { renderAtOnce, renderStreamed } from '../markdown/helpers';
import { violations } from '../markdown/dom-checks';
import { check, RUNS, TEST_TIMEOUT } from './fuzz-setup';
import { deepList, deepQuotes, deepTex, hostileMarkdown, inlineRuns, mixedNesting, nestedInline } from './arbitraries';

beforeAll(async () => {
  // Loaded up front so every render upgrades its math at once, through the real KaTeX.
  await loadKatex();
});

afterEach(() => {
  cleanup();
  setFrameScheduler(null);
  setRenderSpy(null);
});

/** How deeply elements named `tag` nest in `root`. */
function nesting(root: Element, tag: string): number {
  let max = 0;
  for (const el of Array.from(root.querySelectorAll(tag))) {
    let depth = 0;
    for (let p: Element | null = el; p && p !== root; p = p.parentElement) if (p.localName === tag) depth++;
    max = Math.max(max, depth);
  }
  return max;
}

/** The letters of `text`, in order: what must survive rendering (digits may be list numbers). */
const words = (text: string) => text.replace(/[^\p{L}]+/gu, '');

describe('the answer renderer under generated hostile Markdown', () => {
  test(
    `hostile Markdown, TeX and marker text (${RUNS * 2} inputs) renders at once, safely`,
    () => {
      check(
        hostileMarkdown,
        (text) => {
          const root = renderAtOnce(text).container;
          expect(violations(root)).toEqual([]);
          expect(root.textContent!.trim().length).toBeGreaterThan(0);
          cleanup();
        },
        RUNS * 2,
      );
    },
    TEST_TIMEOUT,
  );

  test(
    `hostile Markdown (up to 40 K characters) streamed in 60 deltas (${RUNS} inputs) ends as rendered at once`,
    () => {
      // The first 40 K characters: still thousands of levels or unclosed runs, and 60 full renders of the
      // larger shapes (a 400-level list is 240 K) would measure the machine's load more than the code.
      check(
        hostileMarkdown.map((t) => t.slice(0, 40_000)),
        (text) => {
          const once = renderAtOnce(text).container.innerHTML;
          cleanup();
          const size = Math.ceil(text.length / 60);
          const { view } = renderStreamed(text, size, 1);
          expect(view.container.innerHTML).toBe(once);
          cleanup();
        },
      );
    },
    TEST_TIMEOUT,
  );

  test(
    'quotes and lists nest at most MAX_DEPTH deep; deeper markers stay as text and no word is lost',
    () => {
      check(fc.oneof(deepQuotes, deepList, mixedNesting), (text) => {
        const root = renderAtOnce(text).container;
        expect(nesting(root, 'blockquote') + nesting(root, 'li')).toBeLessThanOrEqual(MAX_DEPTH + 1);
        expect(words(root.textContent!)).toBe(words(text));
        cleanup();
      });
    },
    TEST_TIMEOUT,
  );

  test(
    'emphasis nested thousands deep renders at most MAX_EMPHASIS_DEPTH deep, no word lost',
    () => {
      check(nestedInline, (text) => {
        const root = renderAtOnce(text).container;
        expect(nesting(root, 'strong') + nesting(root, 'em') + nesting(root, 'del')).toBeLessThanOrEqual(MAX_EMPHASIS_DEPTH + 1);
        // Links and images move their URL out of the text (href, or a label), so they are checked by shape.
        if (text.includes('](u)')) {
          expect(nesting(root, 'a')).toBeLessThanOrEqual(MAX_EMPHASIS_DEPTH + 1);
          expect(root.textContent).toContain('x');
        } else {
          expect(words(root.textContent!)).toBe(words(text));
        }
        cleanup();
      });
    },
    TEST_TIMEOUT,
  );

  test(
    'deep TeX never throws: rendered by KaTeX when shallow enough, else shown as its source',
    () => {
      check(deepTex, (text) => {
        const root = renderAtOnce(text).container;
        const math = root.querySelector('.md-math');
        expect(math).not.toBeNull();
        expect(math!.classList.contains('md-math-done') || math!.classList.contains('md-math-source')).toBe(true);
        if (math!.classList.contains('md-math-source')) expect(math!.textContent!.length).toBeGreaterThan(100);
        expect(violations(root)).toEqual([]);
        cleanup();
      });
    },
    TEST_TIMEOUT,
  );

  test(
    'texToMathml gives MathML or null, never throws, for TeX of any depth',
    async () => {
      const katex = await loadKatex();
      check(deepTex, (text) => {
        const tex = text.startsWith('$$') ? text.slice(2, -2) : text.slice(2, -2);
        const out = texToMathml(katex, tex, true);
        if (texDepth(tex) > MAX_TEX_DEPTH) expect(out).toBeNull();
        else if (out !== null) expect(out).toContain('<math');
      });
    },
    TEST_TIMEOUT,
  );

  test(
    'a long paragraph streamed in small deltas is re-rendered a logarithmic number of times, not once per delta',
    () => {
      check(
        inlineRuns,
        (runs) => {
          const text = runs.slice(0, 40_000);
          const builds = { tail: 0 };
          setRenderSpy((kind) => {
            if (kind === 'tail') builds.tail++;
          });
          const size = 50;
          const { frames } = renderStreamed(text, size, 1);
          // Up to LONG_TAIL every frame may render; beyond it only each 25 % of growth does.
          const steps = Math.ceil(Math.log(Math.max(1, text.length / LONG_TAIL)) / Math.log(1.25)) + 1;
          expect(frames.count).toBeGreaterThan(text.length / size - 2);
          expect(builds.tail).toBeLessThanOrEqual(LONG_TAIL / size + steps + 2);
          cleanup();
          setRenderSpy(null);
        },
        Math.max(2, RUNS / 4),
      );
    },
    TEST_TIMEOUT,
  );
});
