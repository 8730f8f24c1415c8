// A minimal multipart/form-data reader: enough for `file` + `purpose` uploads from FormData.

export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

function parseHeaders(raw: string): { name?: string; filename?: string; contentType?: string } {
  const out: { name?: string; filename?: string; contentType?: string } = {};
  for (const line of raw.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-type') out.contentType = value;
    if (key === 'content-disposition') {
      out.name = /\bname="([^"]*)"/i.exec(value)?.[1];
      out.filename = /\bfilename="([^"]*)"/i.exec(value)?.[1];
    }
  }
  return out;
}

/** Returns the parts, or null when the body is not well-formed multipart for this boundary. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | null {
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) return null;
  const parts: FormPart[] = [];
  // Each turn: pos sits on a delimiter; "--" after it ends the body.
  for (let guard = 0; guard < 10000; guard++) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') return parts;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return null;
    const headers = parseHeaders(body.subarray(pos, headerEnd).toString('utf8'));
    const dataStart = headerEnd + 4;
    const next = body.indexOf(between, dataStart);
    if (next < 0) return null;
    if (headers.name !== undefined) {
      parts.push({ name: headers.name, filename: headers.filename, contentType: headers.contentType, data: body.subarray(dataStart, next) });
    }
    pos = next + 2; // onto the "--boundary" after the CRLF
  }
  return null;
}
