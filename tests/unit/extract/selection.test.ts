// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { CONTEXT_CHARS, around, readSelection } from '@/utils/extract/selection';

describe('readSelection', () => {
  it('is empty without a selection', () => {
    document.body.innerHTML = '<p>Nothing selected</p>';
    window.getSelection()?.removeAllRanges();
    expect(readSelection(document, window)).toEqual({ selection: '' });
  });

  it('reads a selection inside a text field', () => {
    document.body.innerHTML = '<textarea>alpha beta gamma</textarea>';
    const area = document.querySelector('textarea')!;
    area.focus();
    area.setSelectionRange(6, 10);
    const info = readSelection(document, window);
    expect(info.selection).toBe('beta');
    expect(info.selectionContext).toBe('alpha beta gamma');
  });

  it('climbs past a block that holds only the selection', () => {
    document.body.innerHTML = '<div><p id="a">Exactly this.</p><p>And the paragraph after it, which adds context.</p></div>';
    window.getSelection()!.removeAllRanges();
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('a')!);
    window.getSelection()!.addRange(range);
    const info = readSelection(document, window);
    expect(info.selection).toBe('Exactly this.');
    expect(info.selectionContext).toContain('paragraph after it');
  });
});

describe('around', () => {
  it('keeps short context whole and bounds long context around the selection', () => {
    expect(around('short context here', 'context')).toBe('short context here');
    const long = 'x'.repeat(2000) + ' NEEDLE ' + 'y'.repeat(2000);
    const cut = around(long, 'NEEDLE')!;
    expect(cut).toContain('NEEDLE');
    expect(cut.length).toBeLessThanOrEqual(CONTEXT_CHARS + 2);
    expect(cut.startsWith('…') && cut.endsWith('…')).toBe(true);
  });

  it('gives nothing when the context is the selection itself', () => {
    expect(around('same text', 'same text')).toBeUndefined();
  });
});
