// A minimal PDF writer for test fixtures: Helvetica (a standard font, so no
// font file), uncompressed content streams, a correct xref table. Each line is
// drawn where the test says, so layouts (columns, hyphenation, empty pages) are exact.
// With `encrypt`, strings and streams are RC4-encrypted by the Standard Security Handler (pdf-encrypt.ts).
import { createHash } from 'node:crypto';
import { standardSecurity, type PdfEncryption } from './pdf-encrypt';

export interface PdfLine {
  text: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  size?: number;
}

export interface MakePdfOptions {
  title?: string;
  width?: number;
  height?: number;
  /** Password-protect the file (or, with an empty user password, encrypt it but let anyone open it). */
  encrypt?: PdfEncryption;
}

/** Latin-1 text as a PDF literal string; characters outside Latin-1 are not supported here. */
function literal(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c > 255) throw new Error(`make-pdf: not Latin-1: ${ch}`);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (c < 32 || c > 126) out += `\\${c.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `(${out})`;
}

function content(lines: readonly PdfLine[]): string {
  if (!lines.length) return '0.5 g 72 72 300 400 re f'; // a grey box, like a scanned image: no text
  return lines.map((l) => `BT /F1 ${l.size ?? 10} Tf ${l.x} ${l.y} Td ${literal(l.text)} Tj ET`).join('\n');
}

export function makePdf(pages: readonly (readonly PdfLine[])[], opts: MakePdfOptions = {}): Uint8Array {
  const w = opts.width ?? 612;
  const h = opts.height ?? 792;
  const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const chars = (b: Uint8Array) => Buffer.from(b).toString('latin1');
  const fileId = createHash('md5')
    .update(`moonlit ${opts.title ?? ''} ${pages.length}`)
    .digest();
  const security = opts.encrypt ? standardSecurity(opts.encrypt, fileId) : undefined;
  const objects: string[] = [];
  const add = (body: string) => objects.push(body); // object number = index + 1
  /** A string of object `num`: a literal, or hex of its encrypted bytes. */
  const str = (num: number, text: string) => {
    if (!security) return literal(text);
    literal(text); // the same Latin-1 check
    return `<${Buffer.from(security.encrypt(num, latin1(text))).toString('hex')}>`;
  };
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // pages, filled in below
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add(opts.title ? `<< /Title ${str(4, opts.title)} /Producer ${str(4, 'moonlit tests')} >>` : `<< /Producer ${str(4, 'moonlit tests')} >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const contentNo = objects.length + 1;
    const plain = content(page);
    const stream = security ? chars(security.encrypt(contentNo, latin1(plain))) : plain;
    add(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentNo} 0 R >>`);
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  if (security) add(security.dictionary); // never encrypted itself
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const id = fileId.toString('hex');
  const encryptRef = security ? ` /Encrypt ${objects.length} 0 R` : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R${encryptRef} /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}

/** One line per string, top to bottom, 14 pt apart, from the top margin. */
export function column(texts: readonly string[], x = 72, top = 720, size = 10): PdfLine[] {
  return texts.map((text, i) => ({ text, x, y: top - i * 14, size }));
}

/** N pages, each with a recognisable sentence naming its page. */
export function textPdf(pageCount: number, title?: string): Uint8Array {
  const pages = Array.from({ length: pageCount }, (_, i) =>
    column([`This is page ${i + 1} of the generated document.`, `The secret word for page ${i + 1} is word${i + 1}.`]),
  );
  return makePdf(pages, { title });
}

/**
 * Two columns under a full-width title. The content stream draws the lines
 * row by row across both columns (left, right, left, right…), the way some
 * producers do, so only position-based ordering reads each column in turn.
 */
export function twoColumnPdf(): Uint8Array {
  const left = ['Left one starts the first', 'column and runs down to', 'the end of the left side.', 'Left four ends it here.'];
  const right = ['Right one starts the second', 'column after the left one', 'has been read completely.', 'Right four ends the page.'];
  const lines: PdfLine[] = [{ text: 'A Study In Two Columns', x: 200, y: 740, size: 16 }];
  left.forEach((t, i) => {
    lines.push({ text: t, x: 72, y: 700 - i * 14 });
    lines.push({ text: right[i], x: 320, y: 700 - i * 14 });
  });
  return makePdf([lines]);
}

/** Bytes that start like a PDF but are not one. */
export function corruptPdf(): Uint8Array {
  return Uint8Array.from('%PDF-1.7\n\u0000\u0001garbage without objects or xref\n', (c) => c.charCodeAt(0));
}
