import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';

const placeholders = (s: string) => (s.match(/\$\d/g) ?? []).sort().join(',');

describe('locales', () => {
  it('English and Chinese have the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
  it('every translation keeps the same $n placeholders', () => {
    for (const [key, value] of Object.entries(en)) {
      const other = (zh as Record<string, { message: string }>)[key];
      expect(placeholders(other.message), key).toBe(placeholders(value.message));
    }
  });
  it('no message is empty', () => {
    for (const [key, value] of Object.entries({ ...en, ...zh })) {
      expect(value.message.trim(), key).not.toBe('');
    }
  });
});
