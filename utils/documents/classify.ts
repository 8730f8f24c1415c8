import { extensionOf, IMAGE_MIME, MIME_BY_EXT, OFFICE_EXTENSIONS, OLE_OFFICE, TEXT_EXTENSIONS, ZIP_OFFICE, type FileKind } from './file-types';
import { sniff, type Sniffed } from './sniff';
import { MAX_FILE_BYTES, type DocReason } from './types';

export interface FileFacts {
  name: string;
  /** The browser's MIME type for the file; often empty. */
  type: string;
  size: number;
  /** The first bytes (1 KB is enough; see SNIFF_BYTES). */
  firstBytes: Uint8Array;
}

export type Classified = { ok: true; kind: FileKind; mime: string; ext: string } | { ok: false; reason: DocReason; ext: string; mime?: string };

const IMAGE_SNIFF: Partial<Record<Sniffed, string>> = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp' };

/** Looks like text: no NUL bytes and few control characters in the first bytes. */
function looksLikeText(b: Uint8Array): boolean {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true; // UTF-16 with BOM
  let control = 0;
  for (const v of b) {
    if (v === 0) return false;
    if (v < 9 || (v > 13 && v < 32)) control++;
  }
  return control <= b.length * 0.02;
}

/** Whether the first bytes contradict the extension (a ".pdf" that is a PNG, a ".txt" that is binary). */
function contradiction(ext: string, s: Sniffed, head: Uint8Array): boolean {
  if (ext === 'pdf') return s !== 'pdf';
  if (ZIP_OFFICE.has(ext)) return s !== 'zip';
  if (OLE_OFFICE.has(ext)) return s !== 'ole' && s !== 'zip';
  if (IMAGE_MIME[ext]) return IMAGE_MIME[IMAGE_SNIFF[s] ?? ''] !== IMAGE_MIME[ext];
  if (TEXT_EXTENSIONS.has(ext)) return s !== 'unknown' || !looksLikeText(head);
  return false;
}

/**
 * Decides how a local file is read, before anything is uploaded: empty, too
 * big, unsupported, or content that contradicts the extension (a .pdf that is
 * a PNG, say) each get their own reason.
 */
export function classifyFile(f: FileFacts): Classified {
  const ext = extensionOf(f.name);
  if (f.size === 0) return { ok: false, reason: 'empty-file', ext };
  if (f.size >= MAX_FILE_BYTES) return { ok: false, reason: 'too-large', ext };
  const known = ext === 'pdf' || TEXT_EXTENSIONS.has(ext) || OFFICE_EXTENSIONS.has(ext) || !!IMAGE_MIME[ext];
  const s = sniff(f.firstBytes);
  if (!known) {
    // No usable extension: trust the content when it is unambiguous.
    if (s === 'pdf') return { ok: true, kind: 'pdf', mime: 'application/pdf', ext };
    if (IMAGE_SNIFF[s]) return { ok: true, kind: 'image', mime: IMAGE_MIME[IMAGE_SNIFF[s]!], ext };
    if (!ext && s === 'unknown' && looksLikeText(f.firstBytes)) return { ok: true, kind: 'text', mime: 'text/plain', ext };
    return { ok: false, reason: 'unsupported-type', ext };
  }
  if (contradiction(ext, s, f.firstBytes)) {
    const isText = TEXT_EXTENSIONS.has(ext) && s === 'unknown';
    return { ok: false, reason: isText ? 'binary-text' : 'wrong-extension', ext };
  }
  const mime = MIME_BY_EXT[ext] ?? (f.type || 'text/plain');
  if (ext === 'pdf') return { ok: true, kind: 'pdf', mime, ext };
  if (IMAGE_MIME[ext]) return { ok: true, kind: 'image', mime, ext };
  if (OFFICE_EXTENSIONS.has(ext)) return { ok: true, kind: 'office', mime, ext };
  return { ok: true, kind: 'text', mime, ext };
}
