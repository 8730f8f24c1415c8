// Small HTTP helpers: body reading, the per-request context, JSON/error replies, auth and abortable waits.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RecordedRequest } from './types';
import type { SimState } from './state';

/** Bodies above this are kept only in part in the log (a 100 MB upload should not be kept twice). */
export const MAX_LOGGED_BODY = 16 * 1024 * 1024;

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  state: SimState;
  body: Buffer;
  /** True when the body passed the buffering cap and was not kept. */
  bodyTooLarge: boolean;
  json: unknown;
  url: URL;
  /** Absent for /__sim/* control calls. */
  rec?: RecordedRequest;
  /** Aborted when the client goes away or the simulator closes. */
  signal: AbortSignal;
}

export async function readBody(req: IncomingMessage, cap: number): Promise<{ body: Buffer; tooLarge: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > cap)
      tooLarge = true; // keep draining so the client can read our 400
    else parts.push(chunk);
  }
  return { body: tooLarge ? Buffer.alloc(0) : Buffer.concat(parts), tooLarge };
}

export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Writes the status line once, with a Msh-Request-Id, and notes when the response started. */
export function begin(ctx: Ctx, status: number, headers: Record<string, string> = {}): void {
  if (ctx.res.headersSent) return;
  if (ctx.rec) ctx.rec.firstByteAt = Date.now();
  ctx.res.writeHead(status, { 'Msh-Request-Id': randomUUID(), ...headers });
}

export function sendJson(ctx: Ctx, status: number, value: unknown, headers: Record<string, string> = {}): void {
  begin(ctx, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  ctx.res.end(JSON.stringify(value));
}

export function sendError(ctx: Ctx, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(ctx, status, { error: { message, type } }, headers);
}

/** The two documented 401 forms: no/malformed header vs a key this platform does not know. */
export function checkAuth(ctx: Ctx): boolean {
  const header = ctx.req.headers.authorization;
  const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!m) {
    sendError(ctx, 401, 'incorrect_api_key_error', 'Incorrect API key provided');
    return false;
  }
  if (!ctx.state.keys.has(m[1])) {
    sendError(ctx, 401, 'invalid_authentication_error', 'Invalid Authentication');
    return false;
  }
  return true;
}

/** setTimeout that ends early (without throwing) when the signal aborts, so no timer outlives close(). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
