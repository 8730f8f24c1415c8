import { describe, expect, it } from 'vitest';
import { KimiError, failureFromException, failureFromResponse, isAbort, parseRetryAfter } from '../../../utils/kimi/errors';

const res = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });
const kimiBody = (type: string, message: string) => JSON.stringify({ error: { message, type } });

/** Every row of kimi-api.md §11, as the API sends it. */
const ROWS: [number, string, string][] = [
  [400, 'content_filter', 'The request was rejected because it was considered high risk'],
  [400, 'invalid_request_error', 'Invalid request: invalid temperature: only 1 is allowed for this model'],
  [400, 'invalid_request_error', 'Input token length too long'],
  [400, 'invalid_request_error', 'Invalid request: Your request exceeded model token limit: 262144 (requested: 274613)'],
  [401, 'invalid_authentication_error', 'Invalid Authentication'],
  [401, 'incorrect_api_key_error', 'Incorrect API key provided'],
  [403, 'permission_denied_error', 'Your IP is not allowed to access this organization'],
  [404, 'resource_not_found_error', 'Not found the model kimi-k9 or Permission denied'],
  [429, 'engine_overloaded_error', 'The engine is currently overloaded, please try again later'],
  [429, 'exceeded_current_quota_error', 'Your account org-1<ak-1> is suspended, please check your plan and billing details'],
  [429, 'rate_limit_reached_error', 'Your account org-1<ak-1> request reached organization max RPM: 3, please try again after 20 seconds'],
  [500, 'server_error', 'Failed to extract file: broken'],
  [500, 'unexpected_output', 'invalid state transition'],
];

describe('failureFromResponse', () => {
  it.each(ROWS)('%i %s → kind http with status, type and message', (status, type, message) => {
    const f = failureFromResponse(res(status, { 'Msh-Request-Id': 'req-1' }), kimiBody(type, message));
    expect(f).toMatchObject({ kind: 'http', status, type, message, requestId: 'req-1' });
  });

  it('reads "try again after N seconds" into retryAfterSeconds', () => {
    const f = failureFromResponse(
      res(429),
      kimiBody('rate_limit_reached_error', 'request reached organization max concurrency: 1, please try again after 7 seconds'),
    );
    expect(f.retryAfterSeconds).toBe(7);
  });

  it('leaves retryAfterSeconds out when the message names no wait (TPM)', () => {
    const f = failureFromResponse(res(429), kimiBody('rate_limit_reached_error', 'request reached TPM rate limit, current:600000, limit:500000'));
    expect(f.retryAfterSeconds).toBeUndefined();
  });

  it('uses a numeric Retry-After header when the message has none', () => {
    expect(failureFromResponse(res(429, { 'Retry-After': '12' }), kimiBody('rate_limit_reached_error', 'slow down')).retryAfterSeconds).toBe(12);
  });

  it('treats HTML from a non-error status or a 404 as not-api, keeping readable text', () => {
    const html = '<html><head><style>b{}</style></head><body><h1>Page not found</h1></body></html>';
    expect(failureFromResponse(res(404), html)).toEqual({ kind: 'not-api', status: 404, message: 'Page not found' });
    expect(failureFromResponse(res(405), html).kind).toBe('not-api');
  });

  it('treats an HTML 502/504 from a CDN as an http failure of the API', () => {
    expect(failureFromResponse(res(504), '<html><body>504 Gateway Time-out</body></html>')).toMatchObject({ kind: 'http', status: 504 });
    expect(failureFromResponse(res(502), '<html>Bad gateway</html>').kind).toBe('http');
  });

  it('treats a JSON 404 without an error object as not-api (another server’s route)', () => {
    expect(failureFromResponse(res(404), '{"detail":"Not Found"}')).toMatchObject({ kind: 'not-api', message: 'Not Found' });
  });

  it('accepts a string error', () => {
    expect(failureFromResponse(res(400), '{"error":"bad thing"}')).toMatchObject({ kind: 'http', message: 'bad thing' });
  });

  it('clips very long bodies', () => {
    expect(failureFromResponse(res(500), 'x'.repeat(10_000)).message!.length).toBeLessThan(2100);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['please try again after 3 seconds', 3],
    ['please try again after 1 second', 1],
    ['try again in 2.5 seconds', 3],
    ['try again later', undefined],
  ])('%s → %s', (msg, n) => expect(parseRetryAfter(msg)).toBe(n));
});

describe('failureFromException / isAbort', () => {
  it('maps TypeError to network with the cause code', () => {
    const err = new TypeError('fetch failed', { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND api.moonshot.ai' } });
    const f = failureFromException(err);
    expect(f.kind).toBe('network');
    expect(f.message).toContain('ENOTFOUND');
  });

  it('maps TimeoutError to timeout and passes KimiError through', () => {
    expect(failureFromException(new DOMException('t', 'TimeoutError')).kind).toBe('timeout');
    expect(failureFromException(new KimiError({ kind: 'incomplete' }))).toEqual({ kind: 'incomplete' });
  });

  it('recognises AbortError only', () => {
    expect(isAbort(new DOMException('stop', 'AbortError'))).toBe(true);
    expect(isAbort(new TypeError('fetch failed'))).toBe(false);
    expect(isAbort(new KimiError({ kind: 'timeout' }))).toBe(false);
    expect(isAbort(undefined)).toBe(false);
  });
});
