/** The few pdf.js calls we use, typed structurally so the browser build and Node's legacy build both fit. */

export interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

export interface PdfPage {
  view: number[];
  getTextContent(opts?: object): Promise<{ items: PdfTextItem[] }>;
  cleanup(): boolean | void;
}

export interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  getMetadata(): Promise<{ info?: object; metadata?: { get(name: string): unknown } | null }>;
}

export interface PdfLoadingTask {
  promise: Promise<PdfDoc>;
  destroy(): Promise<void>;
}

export interface PdfjsEnv {
  getDocument(src: Record<string, unknown>): PdfLoadingTask;
  /** Added to every getDocument call: where the character maps live, and so on. */
  docOptions: Record<string, unknown>;
}

/** Options that suit text extraction anywhere: no font loading, no eval, no console noise. */
export const TEXT_ONLY_OPTIONS = {
  disableFontFace: true,
  useSystemFonts: false,
  isEvalSupported: false,
  verbosity: 0,
} as const;
