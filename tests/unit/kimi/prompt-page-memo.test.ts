import { describe, expect, it } from 'vitest';
import { pageMessage } from '../../../utils/kimi/prompt';

const longText = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of the harbour log, with the tides of that week.`).join('\n\n');
const page = { url: 'https://a.example/log', title: 'Log', text: longText, selection: '' };

describe('pageMessage for a long page asked about again', () => {
  it('is built once per page and citation numbering, and equals a fresh build', () => {
    const first = pageMessage(page, { first: 1 });
    expect(first).toContain('[P1] Paragraph 0');
    // A copy of the text (another string object with the same content) gets the same message.
    expect(pageMessage({ ...page, text: (' ' + longText).slice(1) }, { first: 1 })).toBe(first);
    const fromFive = pageMessage(page, { first: 5 });
    expect(fromFive).toContain('[P5] Paragraph 0');
    expect(pageMessage(page)).not.toContain('[P');
    expect(pageMessage({ ...page, title: 'Other' }, { first: 1 })).toContain('Title: Other');
    expect(pageMessage(page, { first: 1 })).toBe(first);
  });
});
