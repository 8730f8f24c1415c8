import { describe, expect, it } from 'vitest';
import { joinPages, pageRanges } from '../../../utils/documents/pdf-pages';

describe('pdf-pages', () => {
  it('says page numbers as ranges, whatever their order', () => {
    expect(pageRanges([3, 7, 8, 9])).toBe('3, 7–9');
    expect(pageRanges([9, 3, 8, 7, 3])).toBe('3, 7–9');
    expect(pageRanges([1, 2])).toBe('1–2');
    expect(pageRanges([5])).toBe('5');
    expect(pageRanges([])).toBe('');
  });

  it('joins pages under their markers, an empty page as its marker alone', () => {
    expect(joinPages(['One.', '', 'Three.'])).toBe('--- Page 1 ---\nOne.\n\n--- Page 2 ---\n\n--- Page 3 ---\nThree.');
  });
});
