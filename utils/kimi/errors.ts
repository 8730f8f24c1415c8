import type { KimiFailure } from './types';
import { htmlToText } from '../documents/html-text';

/** A failure of one Kimi call, carrying the machine-readable description the UI turns into words. */
export class KimiError extends Error {
  readonly failure: KimiFailure;
  constructor(failure: KimiFailure) {
    super(failure.message || failure.type || failure.kind);
    this.name = 'KimiError';
    this.failure = failure;
  }
}

const MAX_MESSAGE = 2000;

/** Kimi puts the wait time only in the message text ("… please try again after 3 seconds"). */
export function parseRetryAfter(message: string | undefined, header?: string | null): number | undefined {
  const m = message?.match(/try again (?:after|in) (\d+(?:\.\d+)?) ?(?:s\b|sec|second)/i);
  if (m) return Math.ceil(Number(m[1]));
  // No Kimi response was seen with Retry-After, but proxies in front of it may add one.
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim());
  return undefined;
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** Where the endpoint's error page stops being read: its start is enough for "Details", and it is untrusted. */
const MAX_ERROR_BODY = 65_536;

/** Plain text of an HTML error page, enough to show under "Details" (a linear reader: the page is the endpoint's). */
function textOf(body: string): string {
  return clip(htmlToText(body.slice(0, MAX_ERROR_BODY)).replace(/\s+/g, ' ').trim());
}

interface ErrorBody {
  type?: string;
  message?: string;
  code?: string;
}

/** `{"error":{message,type,code}}`, or the looser shapes gateways use. Null when the body is not JSON. */
export function parseErrorBody(bodyText: string): { error?: ErrorBody; other?: string } | null {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object') return null;
  const obj = json as Record<string, unknown>;
  const err = obj.error;
  if (typeof err === 'string') return { error: { message: err } };
  if (err && typeof err === 'object') {
    const e = err as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
    return { error: { type: str(e.type), message: str(e.message), code: str(e.code) } };
  }
  const other = typeof obj.message === 'string' ? obj.message : typeof obj.detail === 'string' ? obj.detail : undefined;
  return { other };
}

/**
 * Statuses whose non-JSON bodies still mean "the API (or its CDN) said no",
 * e.g. a Cloudflare 502/504 page in front of api.moonshot.ai. Anything else
 * that is not JSON means the URL does not lead to the Kimi API.
 */
function statusMeansApi(status: number): boolean {
  return status >= 500 || status === 429 || status === 401 || status === 403 || status === 408;
}

export function failureFromResponse(res: Response, bodyText: string): KimiFailure {
  const requestId = res.headers.get('msh-request-id') ?? undefined;
  const parsed = parseErrorBody(bodyText);
  const base = { status: res.status, ...(requestId ? { requestId } : {}) };
  if (parsed?.error) {
    const { type, message } = parsed.error;
    const retryAfterSeconds = parseRetryAfter(message, res.headers.get('retry-after'));
    return {
      kind: 'http',
      ...base,
      ...(type ? { type } : {}),
      ...(message ? { message: clip(message) } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  // A JSON 404 without Kimi's error object is some other server's "no such route".
  const message = parsed ? parsed.other && clip(parsed.other) : textOf(bodyText);
  const kind = (parsed ? res.status !== 404 && !res.ok : statusMeansApi(res.status)) ? 'http' : 'not-api';
  const retryAfterSeconds = kind === 'http' ? parseRetryAfter(message, res.headers.get('retry-after')) : undefined;
  return {
    kind,
    ...base,
    ...(message ? { message } : {}),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
  };
}

export function isAbort(err: unknown): boolean {
  return !!err && typeof err === 'object' && (err as { name?: unknown }).name === 'AbortError';
}

/** The most telling words of a fetch failure: undici hides the reason in `cause`, browsers give none. */
function networkMessage(err: Error): string {
  const parts = [err.message];
  let cause = (err as { cause?: unknown }).cause;
  for (let depth = 0; cause && depth < 3; depth++) {
    const c = cause as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof c.code === 'string') parts.push(c.code);
    if (typeof c.message === 'string' && c.message) parts.push(c.message);
    cause = c.cause;
  }
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (offline) parts.push('offline');
  return clip([...new Set(parts)].join(': '));
}

export function failureFromException(err: unknown): KimiFailure {
  if (err instanceof KimiError) return err.failure;
  const e = err as { name?: unknown; message?: unknown } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (name === 'TimeoutError') return { kind: 'timeout', message };
  if (err instanceof Error) return { kind: 'network', message: networkMessage(err) };
  return { kind: 'network', message: clip(message) };
}
