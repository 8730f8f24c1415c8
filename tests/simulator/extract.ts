// What GET /v1/files/{id}/content returns as `content`:
//   PDF (starts with %PDF-): the strings of its `(…) Tj` and `[(…)…] TJ` operators, one per line, read from
//     uncompressed content streams only; if there are none, SCANNED_TEXT (as if OCR found nothing useful);
//   valid UTF-8 without NUL bytes: the text itself;
//   anything else (images, Office files…): SCANNED_TEXT.

export const SCANNED_TEXT = '[scanned document text]';

const MIME_BY_EXT: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  log: 'text/plain',
  epub: 'application/epub+zip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
};

export function mimeFor(filename: string, partType?: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext && MIME_BY_EXT[ext]) return MIME_BY_EXT[ext];
  return partType && partType !== 'application/octet-stream' ? partType : 'application/octet-stream';
}

function unescapePdf(s: string): string {
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
  return s.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, c: string) =>
    /^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (simple[c] ?? (c === '\n' || c === '\r' ? '' : c)),
  );
}

const STRING = /\(((?:\\[\s\S]|[^\\)])*)\)/g;
const TEXT_OPS = /\(((?:\\[\s\S]|[^\\)])*)\)\s*Tj|\[((?:\((?:\\[\s\S]|[^\\)])*\)|[^\]])*)\]\s*TJ/g;

export function pdfText(data: Buffer): string {
  const raw = data.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(TEXT_OPS)) {
    if (m[1] !== undefined) lines.push(unescapePdf(m[1]));
    else lines.push([...m[2].matchAll(STRING)].map((s) => unescapePdf(s[1])).join(''));
  }
  return lines.join('\n').trim();
}

export function utf8Text(data: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

export function extractText(data: Buffer): string {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return pdfText(data) || SCANNED_TEXT;
  return utf8Text(data) ?? SCANNED_TEXT;
}
