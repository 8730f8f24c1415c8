// @vitest-environment happy-dom
// A page can select text itself: only what the user can see goes with a question, never a password (issue 18, part 2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSelection } from '@/utils/extract/selection';

function selectAll(el: Element) {
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  const range = document.createRange();
  range.selectNodeContents(el);
  sel.addRange(range);
}

/** Ways a page hides text from the eye. */
const HIDERS = ['hidden', 'style="display:none"', 'style="visibility:hidden"', 'style="opacity:0"', 'style="content-visibility:hidden"'];

describe('readSelection and hidden text', () => {
  it('never reads a focused, selected password or hidden input', () => {
    for (const type of ['password', 'PASSWORD', 'hidden']) {
      document.body.innerHTML = `<p>Visible text</p><input type="${type}" value="hunter2-secret">`;
      const input = document.querySelector('input')!;
      input.focus();
      if (type !== 'hidden') input.setSelectionRange(0, 14);
      expect(readSelection(document, window).selection, type).not.toContain('hunter2');
    }
  });

  it('still reads a selection in an ordinary text field', () => {
    document.body.innerHTML = '<input type="search" value="alpha beta">';
    const input = document.querySelector('input')!;
    input.focus();
    input.setSelectionRange(6, 10);
    expect(readSelection(document, window).selection).toBe('beta');
  });

  it('drops the hidden parts of a selection, in any mix, and keeps every visible word', () => {
    const piece = fc.record({ word: fc.stringMatching(/^[a-z]{3,8}$/), hider: fc.option(fc.constantFrom(...HIDERS), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (pieces) => {
        const html = pieces.map((p, i) => (p.hider ? `<span ${p.hider}>SECRET${i}${p.word}</span>` : `<span>shown${i}${p.word}</span>`)).join(' ');
        document.body.innerHTML = `<div id="root"><p>${html}</p></div>`;
        selectAll(document.getElementById('root')!);
        const { selection } = readSelection(document, window);
        expect(selection).not.toContain('SECRET');
        pieces.forEach((p, i) => {
          if (!p.hider) expect(selection).toContain(`shown${i}${p.word}`);
        });
      }),
      { seed: Number(process.env.FC_SEED ?? 18_2), numRuns: 100 },
    );
  });

  it('text hidden by an ancestor is hidden too; aria-hidden text the user can see is kept', () => {
    document.body.innerHTML =
      '<div id="root"><p>Seen.</p><div style="display:none"><p><b>Unseen.</b></p></div><p aria-hidden="true">Decorative but visible.</p></div>';
    selectAll(document.getElementById('root')!);
    const { selection } = readSelection(document, window);
    expect(selection).toContain('Seen.');
    expect(selection).not.toContain('Unseen');
    expect(selection).toContain('Decorative but visible.');
  });
});
