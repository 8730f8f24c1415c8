import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { DOC_MESSAGES, documentMessage } from '../../../utils/documents/messages';

describe('document messages', () => {
  it('every reason has an English and a Chinese message', () => {
    for (const key of Object.values(DOC_MESSAGES)) {
      expect((en as Record<string, { message: string }>)[key]?.message, key).toMatch(/\S/);
      expect((zh as Record<string, { message: string }>)[key]?.message, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fills substitutions', () => {
    expect(documentMessage({ reason: 'fetch-status', subs: ['403'] })).toBe('The server refused to send the PDF (HTTP 403).');
    expect(documentMessage({ reason: 'password-needed' })).toMatch(/password/);
  });
});
