/** Which file names Moonlit accepts, and how each kind is read. */
export type FileKind = 'text' | 'pdf' | 'office' | 'image';

/** Read locally as text. */
export const TEXT_EXTENSIONS = new Set([
  'txt',
  'text',
  'md',
  'markdown',
  'csv',
  'tsv',
  'json',
  'jsonl',
  'log',
  'html',
  'htm',
  'xml',
  'yaml',
  'yml',
  'toml',
  'ini',
  'conf',
  'cfg',
  'env',
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'tsx',
  'py',
  'rb',
  'go',
  'rs',
  'java',
  'kt',
  'kts',
  'swift',
  'c',
  'h',
  'cc',
  'cpp',
  'cxx',
  'hpp',
  'cs',
  'php',
  'sh',
  'bash',
  'zsh',
  'ps1',
  'sql',
  'css',
  'scss',
  'less',
  'vue',
  'svelte',
  'lua',
  'r',
  'pl',
  'scala',
  'dart',
  'tex',
  'srt',
  'vtt',
  'rst',
  'org',
]);

/** Sent to Kimi's file-extract. The zip-based ones must start with "PK". */
export const OFFICE_EXTENSIONS = new Set(['docx', 'pptx', 'xlsx', 'epub', 'doc', 'xls', 'ppt', 'mobi']);
export const ZIP_OFFICE = new Set(['docx', 'pptx', 'xlsx', 'epub']);
export const OLE_OFFICE = new Set(['doc', 'xls', 'ppt']);

export const IMAGE_MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

export const MIME_BY_EXT: Record<string, string> = {
  ...IMAGE_MIME,
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  epub: 'application/epub+zip',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  mobi: 'application/x-mobipocket-ebook',
  md: 'text/markdown',
  markdown: 'text/markdown',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  xml: 'application/xml',
};

export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name.trim());
  return m ? m[1].toLowerCase() : '';
}
