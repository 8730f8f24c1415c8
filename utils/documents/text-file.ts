import { extensionOf } from './file-types';
import { htmlToText } from './html-text';
import { DocumentError } from './types';

/** Decodes a text file: BOMs for UTF-8/UTF-16, else UTF-8, else GB18030 (common for Chinese files), else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) throw new DocumentError('binary-text', 'NUL byte in a text file');
  for (const label of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

/** Too many control characters for text: it is a binary file with a text extension. */
function isBinaryLooking(text: string): boolean {
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32) || c === 0xfffd) && c !== 0x1b) control++;
  }
  return control > sample.length * 0.02;
}

/** The text of a plain-text file (txt, md, csv, json, code…); HTML is reduced to its text. Throws DocumentError. */
export function readTextFile(bytes: Uint8Array, name: string): string {
  if (!bytes.length) throw new DocumentError('empty-file');
  const text = decodeText(bytes).replace(/\r\n?/g, '\n');
  if (isBinaryLooking(text)) throw new DocumentError('binary-text');
  const ext = extensionOf(name);
  return ext === 'html' || ext === 'htm' ? htmlToText(text) : text;
}
