// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flashRange, HIGHLIGHT_CSS, HIGHLIGHT_NAME, scrollToRange } from '@/utils/citations/highlight';

class FakeHighlight {
  ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}

/** happy-dom's window with what a test needs swapped in: the Highlight API (or not) and a motion preference. */
function windowWith(opts: { highlights?: boolean; reducedMotion?: boolean } = {}) {
  const registry = new Map<string, FakeHighlight>();
  const win = Object.create(window) as Window & Record<string, unknown>;
  Object.assign(win, {
    matchMedia: (q: string) => ({ matches: q.includes('reduce') && !!opts.reducedMotion }),
    innerHeight: 800,
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    scrollBy: vi.fn(),
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
    requestAnimationFrame: (cb: FrameRequestCallback) => window.setTimeout(() => cb(0), 0),
    cancelAnimationFrame: (id: number) => window.clearTimeout(id),
    CSS: opts.highlights ? { highlights: registry } : {},
    Highlight: opts.highlights ? FakeHighlight : undefined,
  });
  return { win, registry };
}

function passageRange(): Range {
  document.body.innerHTML = '<p id="p">The colony needs <b>eleven kilograms</b> of honey.</p>';
  const p = document.getElementById('p')!;
  const range = document.createRange();
  range.selectNodeContents(p);
  return range;
}

const rect = (left: number, top: number, width: number, height: number) =>
  ({ left, top, width, height, right: left + width, bottom: top + height, x: left, y: top }) as DOMRect;

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  document.documentElement.querySelectorAll('moonlit-cite-layer').forEach((l) => l.remove());
});

describe('the highlight CSS', () => {
  it('styles only the named highlight', () => {
    expect(HIGHLIGHT_CSS.startsWith(`::highlight(${HIGHLIGHT_NAME}){`)).toBe(true);
    expect(HIGHLIGHT_CSS).toMatch(/background-color:[^;}]+/);
    expect(HIGHLIGHT_CSS).toMatch(/[{;]color:[^;}]+/);
  });
});

describe('scrollToRange', () => {
  it('centres the passage smoothly, or instantly when the user prefers reduced motion', () => {
    const range = passageRange();
    const el = document.getElementById('p')!;
    const spy = vi.spyOn(el, 'scrollIntoView');
    scrollToRange(range, document, windowWith().win);
    expect(spy).toHaveBeenLastCalledWith({ block: 'center', inline: 'nearest', behavior: 'smooth' });
    scrollToRange(range, document, windowWith({ reducedMotion: true }).win);
    expect(spy).toHaveBeenLastCalledWith({ block: 'center', inline: 'nearest', behavior: 'auto' });
  });

  it('moves the window to the range itself when its element is taller than the view', () => {
    const range = passageRange();
    const el = document.getElementById('p')!;
    vi.spyOn(el, 'getBoundingClientRect').mockReturnValue(rect(0, -5000, 600, 20_000));
    vi.spyOn(range, 'getBoundingClientRect').mockReturnValue(rect(0, 3000, 600, 100));
    const spy = vi.spyOn(el, 'scrollIntoView');
    const { win } = windowWith();
    scrollToRange(range, document, win);
    expect(spy).not.toHaveBeenCalled();
    // Its middle lands in the middle of an 800 px view.
    expect(win.scrollBy).toHaveBeenCalledWith({ top: 3000 - (800 - 100) / 2, behavior: 'smooth' });
  });
});

describe('flashRange with the CSS Custom Highlight API', () => {
  it('registers the range under the name, then removes it', () => {
    const range = passageRange();
    const { win, registry } = windowWith({ highlights: true });
    expect(flashRange(range, document, win, 2500)).toBe('highlight');
    expect(registry.get(HIGHLIGHT_NAME)?.ranges).toEqual([range]);
    vi.advanceTimersByTime(2499);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
    expect(document.querySelector('moonlit-cite-layer')).toBeNull();
  });

  it('a second click replaces the first mark, and the first one’s timer leaves the second alone', () => {
    const first = passageRange();
    const { win, registry } = windowWith({ highlights: true });
    flashRange(first, document, win, 2500);
    vi.advanceTimersByTime(2000);
    const second = document.createRange();
    second.selectNodeContents(document.querySelector('b')!);
    flashRange(second, document, win, 2500);
    expect(registry.get(HIGHLIGHT_NAME)?.ranges).toEqual([second]);
    vi.advanceTimersByTime(1000); // past the first mark's end
    expect(registry.get(HIGHLIGHT_NAME)?.ranges).toEqual([second]);
    vi.advanceTimersByTime(1500);
    expect(registry.has(HIGHLIGHT_NAME)).toBe(false);
  });
});

describe('flashRange without the Highlight API', () => {
  it('lays boxes over the range’s rectangles, out of the way of the mouse, then removes them', () => {
    const range = passageRange();
    vi.spyOn(range, 'getClientRects').mockReturnValue([rect(10, 300, 200, 18), rect(10, 318, 120, 18)] as unknown as DOMRectList);
    const { win } = windowWith();
    expect(flashRange(range, document, win, 2500)).toBe('overlay');
    const layer = document.querySelector<HTMLElement>('moonlit-cite-layer')!;
    expect(layer.style.position).toBe('fixed');
    expect(layer.style.pointerEvents).toBe('none');
    const boxes = [...layer.children] as HTMLElement[];
    expect(boxes.map((b) => [b.style.left, b.style.top, b.style.width, b.style.height])).toEqual([
      ['10px', '300px', '200px', '18px'],
      ['10px', '318px', '120px', '18px'],
    ]);
    // Nothing went through a style attribute string or markup that a page's CSP could refuse.
    expect(layer.outerHTML).not.toMatch(/<script|on\w+=/);
    vi.advanceTimersByTime(2500);
    expect(document.querySelector('moonlit-cite-layer')).toBeNull();
  });

  it('follows the text when the page scrolls', () => {
    const range = passageRange();
    const rects = vi.spyOn(range, 'getClientRects').mockReturnValue([rect(10, 300, 200, 18)] as unknown as DOMRectList);
    const { win } = windowWith();
    flashRange(range, document, win, 2500);
    rects.mockReturnValue([rect(10, 120, 200, 18)] as unknown as DOMRectList);
    window.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(1);
    const box = document.querySelector<HTMLElement>('moonlit-cite-layer > *')!;
    expect(box.style.top).toBe('120px');
  });

  it('a second click replaces the boxes instead of stacking them', () => {
    const range = passageRange();
    vi.spyOn(range, 'getClientRects').mockReturnValue([rect(10, 300, 200, 18)] as unknown as DOMRectList);
    const { win } = windowWith();
    flashRange(range, document, win, 2500);
    flashRange(range, document, win, 2500);
    expect(document.querySelectorAll('moonlit-cite-layer')).toHaveLength(1);
  });
});
