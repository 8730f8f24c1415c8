// revealAbove: the tab picker's "Add" button must not open hidden under the ask box that sticks to the bottom.
import { describe, expect, it, vi } from 'vitest';
import { revealAbove } from '@/utils/ui/reveal';

const box = (top: number, bottom: number) => ({ getBoundingClientRect: () => ({ top, bottom }) }) as unknown as Element;
const view = (innerHeight: number) => ({ innerHeight, scrollBy: vi.fn() }) as unknown as Window & { scrollBy: ReturnType<typeof vi.fn> };

describe('revealAbove', () => {
  it('scrolls just enough for the element to end above the covering bar', () => {
    const win = view(600);
    revealAbove(box(300, 520), box(420, 600), win);
    expect(win.scrollBy).toHaveBeenCalledExactlyOnceWith({ top: 100 });
  });

  it('does not move what shows already', () => {
    const win = view(600);
    revealAbove(box(100, 400), box(420, 600), win);
    revealAbove(box(100, 420), box(420, 600), win);
    expect(win.scrollBy).not.toHaveBeenCalled();
  });

  it('keeps the top of an element taller than the room in view', () => {
    const win = view(600);
    revealAbove(box(150, 900), box(420, 600), win);
    expect(win.scrollBy).toHaveBeenCalledExactlyOnceWith({ top: 150 });
  });

  it('uses the bottom of the view when there is no bar', () => {
    const win = view(600);
    revealAbove(box(500, 640), null, win);
    expect(win.scrollBy).toHaveBeenCalledExactlyOnceWith({ top: 40 });
  });
});
