import { describe, expect, it } from 'vitest';
import { samePage } from '@/utils/panel/quick-ask';

const page = { url: 'https://a.example/x', title: 'X', text: 'Long text '.repeat(100), selection: '', lang: 'en', source: 'readability' };

describe('samePage', () => {
  it('is true for two readings with equal fields, even as different objects and strings', () => {
    expect(samePage(page, { ...page, text: 'Long text '.repeat(100) })).toBe(true);
    expect(samePage(page, { ...page, selectionContext: undefined })).toBe(true);
  });

  it('is false when any field differs, is added or is missing', () => {
    expect(samePage(page, { ...page, selection: 'Long' })).toBe(false);
    expect(samePage(page, { ...page, selection: 'Long', selectionContext: 'Long text' })).toBe(false);
    expect(samePage(page, { ...page, text: page.text + '!' })).toBe(false);
    expect(samePage(page, { ...page, url: 'https://a.example/y' })).toBe(false);
    const { lang: _lang, ...noLang } = page;
    expect(samePage(page, noLang)).toBe(false);
    expect(samePage(noLang, page)).toBe(false);
    expect(samePage(page, { ...page, extra: [1] } as never)).toBe(false);
  });
});
