import { describe, expect, it } from 'vitest';
import { cleanPageText, dropLineNumbers } from '../../../utils/documents/clean-text';
import { layoutPage } from '../../../utils/documents/page-layout';
import type { PlacedText } from '../../../utils/documents/layout-types';
import { assessPages } from '../../../utils/documents/text-quality';

const at = (str: string, x: number, y: number, w = str.length * 5, h = 10): PlacedText => ({ str, x, y, w, h });

describe('page layout', () => {
  it('drops a margin column of consecutive line numbers but keeps numbers in the text', () => {
    const items: PlacedText[] = [];
    for (let i = 1; i <= 10; i++) {
      items.push(at(String(i), 20, 700 - i * 12, 6));
      items.push(at(`Line ${i} of the body text runs across the page here.`, 60, 700 - i * 12));
    }
    const kept = dropLineNumbers(items);
    expect(kept).toHaveLength(10);
    expect(layoutPage(items)).not.toMatch(/^\d+ /m);
    // Numbers inside the text block are not a margin column.
    const table = Array.from({ length: 10 }, (_, i) => at(String(i + 1), 60, 700 - i * 12, 6));
    expect(dropLineNumbers([...table, at('Heading text that starts further left', 40, 720)])).toHaveLength(11);
  });

  it('ignores text outside the visible page box (printer’s marks)', () => {
    const items = [at('Visible body text.', 72, 500), at('14773_01.qxd 2/10/04 10:12 AM Page 3', 72, -20)];
    expect(layoutPage(items, [0, 0, 612, 792])).toBe('Visible body text.');
  });

  it('cleans slugs, soft hyphens and control characters', () => {
    expect(cleanPageText('14773_01_1-174_r9jm.qxd 2/10/04 10:12 AM Page 3\nMit\u00adarbeiter\u0007 here')).toBe('Mitarbeiter here');
  });

  it('puts superscripts on their line and CJK lines together without spaces', () => {
    const items = [at('Gal', 72, 700, 15), at('∗', 88, 704, 4, 7), at(', Eich', 93, 700, 30)];
    expect(layoutPage(items)).toBe('Gal∗, Eich');
    const cjk = [at('月亮引起潮汐，这是一个很长的句子它一直写到', 72, 700, 300), at('行尾然后继续。', 72, 686, 100)];
    expect(layoutPage(cjk)).toBe('月亮引起潮汐，这是一个很长的句子它一直写到行尾然后继续。');
  });
});

describe('assessPages', () => {
  it('measures usable text and flags scans and garbled text', () => {
    expect(assessPages(['Plenty of real text on this page.', 'And on this one too, thanks.'])).toMatchObject({
      needsOcr: false,
      usableTextRatio: 1,
      emptyPages: [],
    });
    expect(assessPages(['', '', 'Only one page has text here.'])).toMatchObject({ needsOcr: true, emptyPages: [1, 2] });
    const garbled = assessPages(['\ue001\ue002\ue003\ufffd\ufffd\ue004\ue005\ue006 ab']);
    expect(garbled.needsOcr).toBe(true);
    expect(garbled.usableTextRatio).toBe(0.2);
    // Punctuation soup from a font without a Unicode map: the page counts as having no text.
    expect(assessPages(["%(-.48&)& ! (-.) % ' % & * & % % $ # @ ! %", 'Real words on this page here.'])).toMatchObject({ emptyPages: [1] });
  });
});
