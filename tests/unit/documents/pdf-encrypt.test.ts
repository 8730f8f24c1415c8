import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../../utils/documents/pdf-text';
import { loadNodePdfjs } from '../../../utils/documents/pdfjs-node';
import { DocumentError } from '../../../utils/documents/types';
import { column, makePdf } from './make-pdf';
import { rc4 } from './pdf-encrypt';

const SENTENCE = 'The vault holds nine hundred silver spoons.';
const locked = (userPassword: string, ownerPassword = 'owner secret') =>
  makePdf([column([SENTENCE])], { title: 'Vault Inventory', encrypt: { userPassword, ownerPassword } });
const read = (bytes: Uint8Array, password?: string) => extractPdfText(bytes, { pdfjs: loadNodePdfjs, password });
const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: unknown) => (e instanceof DocumentError ? e.failure.reason : `other: ${String(e)}`),
  );

describe("the test fixtures' PDF encryption (Standard Security Handler, R3)", () => {
  it('RC4 matches the published test vector (key "Key", text "Plaintext")', () => {
    const out = rc4(Buffer.from('Key'), Buffer.from('Plaintext'));
    expect(Buffer.from(out).toString('hex').toUpperCase()).toBe('BBF316E8D940AF0AD3');
  });

  it('hides the text from anyone reading the bytes', () => {
    const text = Buffer.from(locked('letmein')).toString('latin1');
    expect(text).toContain('/Encrypt');
    expect(text).not.toContain('silver spoons');
    expect(text).not.toContain('Vault Inventory');
  });

  it('pdf.js asks for the user password, refuses a wrong one and opens with the right one', async () => {
    const pdf = locked('letmein');
    expect(await reason(read(pdf))).toBe('password-needed');
    expect(await reason(read(pdf, 'let me in'))).toBe('password-wrong');
    const r = await read(pdf, 'letmein');
    expect(r.text).toContain(SENTENCE);
    expect(r.title).toBe('Vault Inventory');
    expect(r.encrypted).toBe(true);
  });

  it('the owner password opens it too (pdf.js accepts either)', async () => {
    const r = await read(locked('letmein'), 'owner secret');
    expect(r.text).toContain(SENTENCE);
  });

  it('with an empty user password it is encrypted but opens without asking', async () => {
    const r = await read(locked(''));
    expect(r.encrypted).toBe(true);
    expect(r.text).toContain(SENTENCE);
    expect(r.title).toBe('Vault Inventory');
  });
});
