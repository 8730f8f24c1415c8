/** What a file's first bytes say it is, whatever its name claims. */
export type Sniffed = 'pdf' | 'zip' | 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'tiff' | 'ole' | 'unknown';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** "%PDF-" within the first 1 KB: the format allows leading junk before the header. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  const sig = ascii('%PDF-');
  for (let i = 0; i + sig.length <= head.length; i++) if (startsWith(head, sig, i)) return true;
  return false;
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (looksLikePdf(bytes)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('BM'))) return 'bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  // Old Office files (doc, xls, ppt) are OLE compound documents.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return 'unknown';
}

/** How many leading bytes classify() needs. */
export const SNIFF_BYTES = 1024;
