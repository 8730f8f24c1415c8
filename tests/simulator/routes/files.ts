// The Files API (kimi-api.md §7): upload, list, retrieve, content, delete — kept in memory per simulator.
import { randomBytes } from 'node:crypto';
import { extractText, mimeFor } from '../extract';
import { nowSeconds, sendError, sendJson, type Ctx } from '../http-util';
import { boundaryOf, parseMultipart } from '../multipart';
import type { StoredFile } from '../types';

const PURPOSES = new Set(['file-extract', 'image', 'video', 'batch']);
const MB = 1024 * 1024;

const bad = (ctx: Ctx, message: string) => sendError(ctx, 400, 'invalid_request_error', message);

function wire(f: StoredFile): Omit<StoredFile, 'data' | 'mime'> {
  const { data: _data, mime: _mime, ...rest } = f;
  return rest;
}

function sizeText(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB}MB` : `${bytes} bytes`;
}

function upload(ctx: Ctx): void {
  const { state } = ctx;
  const tooLarge = `File size is too large, max file size is ${sizeText(state.maxFileBytes)}, please confirm and re-upload the file`;
  if (ctx.bodyTooLarge) return bad(ctx, tooLarge);
  const boundary = boundaryOf(ctx.req.headers['content-type']);
  const parts = boundary ? parseMultipart(ctx.body, boundary) : null;
  if (!parts) return bad(ctx, 'Invalid request: the body must be multipart/form-data');
  const file = parts.find((p) => p.name === 'file' && p.filename !== undefined);
  const purpose = parts.find((p) => p.name === 'purpose')?.data.toString('utf8') ?? '';
  if (!file) return bad(ctx, 'Invalid request: the file field is required');
  if (!PURPOSES.has(purpose)) return bad(ctx, "Invalid purpose: only 'file-extract', 'image', 'video' and 'batch' are accepted");
  if (file.data.length === 0) return bad(ctx, 'File size is zero, please confirm and re-upload the file');
  if (file.data.length > state.maxFileBytes) return bad(ctx, tooLarge);
  if (state.files.size >= state.maxFiles) {
    return bad(ctx, `The number of files you have uploaded exceeded the max file count ${state.maxFiles}, please delete previous uploaded files`);
  }
  const filename = file.filename || 'file';
  const stored: StoredFile = {
    id: `cv${randomBytes(9).toString('hex')}`,
    object: 'file',
    bytes: file.data.length,
    created_at: nowSeconds(),
    filename,
    purpose,
    status: 'ok',
    status_details: '',
    data: Buffer.from(file.data), // copy: the request body buffer is not ours to keep
    mime: mimeFor(filename, file.contentType),
  };
  state.files.set(stored.id, stored);
  sendJson(ctx, 200, wire(stored));
}

/** Handles /v1/files and /v1/files/{id}[/content]; returns false when the path is not a files path. */
export function handleFiles(ctx: Ctx, method: string, path: string): boolean {
  const m = /^\/v1\/files(?:\/([^/]+)(\/content)?)?\/?$/.exec(path);
  if (!m) return false;
  const [, id, content] = m;
  const { files } = ctx.state;
  if (!id) {
    if (method === 'POST') upload(ctx);
    else if (method === 'GET') sendJson(ctx, 200, { object: 'list', data: [...files.values()].map(wire) });
    else sendError(ctx, 405, 'invalid_request_error', `Method ${method} not allowed`);
    return true;
  }
  const file = files.get(id);
  if (!file) {
    sendError(ctx, 404, 'resource_not_found_error', `file not found: ${id}`);
    return true;
  }
  if (content && method === 'GET') {
    // Documented as text/plain, yet the body is a JSON string (kimi-api.md §7): send it that way.
    const body = { content: extractText(file.data), file_type: file.mime, filename: file.filename, title: '', type: 'file' };
    sendJson(ctx, 200, body, { 'Content-Type': 'text/plain; charset=utf-8' });
  } else if (!content && method === 'GET') {
    sendJson(ctx, 200, wire(file));
  } else if (!content && method === 'DELETE') {
    files.delete(id);
    sendJson(ctx, 200, { id, object: 'file', deleted: true });
  } else {
    sendError(ctx, 405, 'invalid_request_error', `Method ${method} not allowed`);
  }
  return true;
}
