// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { askBoxFocused } from '@/components/panel/use-shown-selection';

describe('askBoxFocused (a selection made by the page now is not shown)', () => {
  it('true only while the panel has focus and it is in the question box', () => {
    document.body.innerHTML = '<form class="ask-box"><textarea></textarea></form><button>Other</button>';
    const focus = vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    document.querySelector('textarea')!.focus();
    expect(askBoxFocused(document)).toBe(true);
    // The user went to the page (the panel's document lost focus; its active element stays the box).
    focus.mockReturnValue(false);
    expect(askBoxFocused(document)).toBe(false);
    focus.mockReturnValue(true);
    document.querySelector('button')!.focus();
    expect(askBoxFocused(document)).toBe(false);
    focus.mockRestore();
  });
});
