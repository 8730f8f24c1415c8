/** Shapes of the documents feature: PDFs, local files, images. */

/** Why a document could not be read; utils/documents/messages.ts turns each into words. */
export type DocReason =
  | 'empty-file'
  | 'too-large'
  | 'unsupported-type'
  | 'wrong-extension'
  | 'binary-text'
  | 'corrupt'
  | 'password-needed'
  | 'password-wrong'
  | 'needs-ocr'
  | 'ocr-empty'
  | 'upload-failed'
  | 'fetch-failed'
  | 'fetch-status'
  | 'fetch-permission'
  /** Chromium: "Allow access to file URLs" is off for Moonlit. */
  | 'file-access'
  /** Chromium: file access is on, but the optional file:///* host permission was not granted yet. */
  | 'file-permission'
  /** Firefox: extension pages can't read file:// at all. */
  | 'file-unsupported'
  | 'not-pdf'
  | 'unsupported-url';

export interface DocFailure {
  reason: DocReason;
  /** Technical detail for a "Details" line (HTTP status, library message…). */
  detail?: string;
  /** Extra values for the message, e.g. the size limit or the HTTP status. */
  subs?: string[];
}

/** Thrown by the document functions; carries the reason code the UI shows. */
export class DocumentError extends Error {
  readonly failure: DocFailure;
  constructor(reason: DocReason, detail?: string, subs?: string[]) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'DocumentError';
    this.failure = { reason, ...(detail ? { detail } : {}), ...(subs ? { subs } : {}) };
  }
}

export interface PdfResult {
  /** All pages, each introduced by a "--- Page N ---" marker line. */
  text: string;
  pageCount: number;
  /** Text of each page (no markers), index 0 = page 1. */
  pages: string[];
  /** Share of the extracted characters that are real text (not U+FFFD, private-use or control characters), 0–1. */
  usableTextRatio: number;
  /** No usable text layer (scanned or garbled): offer text recognition by Kimi. */
  needsOcr: boolean;
  /** 1-based numbers of pages with (almost) no usable text: blank, scanned, or garbled. */
  emptyPages: number[];
  /** The file is encrypted but opened (empty user password, or the one given). */
  encrypted?: boolean;
  title?: string;
}

export const MAX_FILE_BYTES = 100 * 1024 * 1024;
