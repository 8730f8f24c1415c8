import type { FilesConnection } from '../kimi/files';
import { KimiError } from '../kimi/errors';
import type { KimiFailure } from '../kimi/types';
import { classifyFile } from './classify';
import type { FileKind } from './file-types';
import { extractViaKimi } from './ocr';
import { extractPdfText, type PdfTextOptions } from './pdf-text';
import { SNIFF_BYTES } from './sniff';
import { readTextFile } from './text-file';
import { DocumentError, type DocFailure, type PdfResult } from './types';

/** A file the user attached (File satisfies this). */
export interface AttachedFile {
  name: string;
  type: string;
  size: number;
  slice(start?: number, end?: number): Blob;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface PreparedFile {
  name: string;
  size: number;
  kind?: FileKind;
  mime?: string;
  /**
   * ready: `text` holds the content. image: `bytes` go to a vision model (or to file-extract).
   * needs-upload: only Kimi's file-extract can read it (office file, scanned PDF); ask first.
   * failed: `failure` says why; the other files are unaffected.
   */
  status: 'ready' | 'image' | 'needs-upload' | 'failed';
  text?: string;
  pdf?: PdfResult;
  bytes?: Uint8Array;
  failure?: DocFailure;
  /** Set when an upload failed at the API. */
  kimiFailure?: KimiFailure;
}

export interface PrepareOptions {
  /** Passwords for protected PDFs, by file name (after the UI asked for one). */
  passwords?: Record<string, string>;
  pdfjs?: PdfTextOptions['pdfjs'];
  signal?: AbortSignal;
}

const failed = (base: PreparedFile, err: unknown): PreparedFile => {
  if (err instanceof DocumentError) return { ...base, status: 'failed', failure: err.failure };
  if (err instanceof KimiError) return { ...base, status: 'failed', failure: { reason: 'upload-failed' }, kimiFailure: err.failure };
  throw err; // an abort or a bug: not this file's fault
};

async function prepareOne(file: AttachedFile, opts: PrepareOptions): Promise<PreparedFile> {
  const base: PreparedFile = { name: file.name, size: file.size, status: 'failed' };
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const c = classifyFile({ name: file.name, type: file.type, size: file.size, firstBytes: head });
  if (!c.ok) return { ...base, failure: { reason: c.reason } };
  const typed = { ...base, kind: c.kind, mime: c.mime };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (c.kind === 'text') return { ...typed, status: 'ready', text: readTextFile(bytes, file.name) };
    if (c.kind === 'image') return { ...typed, status: 'image', bytes };
    if (c.kind === 'office') return { ...typed, status: 'needs-upload', bytes };
    const pdf = await extractPdfText(bytes, { password: opts.passwords?.[file.name], pdfjs: opts.pdfjs, signal: opts.signal });
    if (pdf.needsOcr) return { ...typed, status: 'needs-upload', bytes, pdf };
    return { ...typed, status: 'ready', text: pdf.text, pdf };
  } catch (err) {
    return failed(typed, err);
  }
}

/**
 * Reads every attached file that can be read locally; one file's failure
 * never loses the others. Files are read one after another to bound memory.
 */
export async function prepareAttachments(files: readonly AttachedFile[], opts: PrepareOptions = {}): Promise<PreparedFile[]> {
  const out: PreparedFile[] = [];
  for (const f of files) {
    opts.signal?.throwIfAborted();
    out.push(await prepareOne(f, opts));
  }
  return out;
}

/** After the user agreed: sends each 'needs-upload' file through Kimi's file-extract. */
export async function uploadPrepared(files: readonly PreparedFile[], conn: FilesConnection): Promise<PreparedFile[]> {
  const out: PreparedFile[] = [];
  for (const f of files) {
    if (f.status !== 'needs-upload' || !f.bytes) {
      out.push(f);
      continue;
    }
    try {
      const { text } = await extractViaKimi(f.bytes, f.name, conn);
      out.push({ ...f, status: 'ready', text });
    } catch (err) {
      out.push(failed(f, err));
    }
  }
  return out;
}
