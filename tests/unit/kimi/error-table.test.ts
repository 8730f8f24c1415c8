import { describe, expect, it } from 'vitest';
import { describeFailure, type FailureAction } from '../../../utils/kimi/error-table';
import { networkCause } from '../../../utils/kimi/network-cause';
import type { KimiFailure } from '../../../utils/kimi/types';
import en from '../../../public/_locales/en/messages.json';

const ROWS: [string, KimiFailure, FailureAction, RegExp][] = [
  ['no key', { kind: 'no-key' }, 'open-options', /API key/],
  [
    '401 invalid_authentication_error',
    { kind: 'http', status: 401, type: 'invalid_authentication_error', message: 'Invalid Authentication' },
    'open-options',
    /platform\.moonshot\.cn/,
  ],
  ['401 incorrect_api_key_error', { kind: 'http', status: 401, type: 'incorrect_api_key_error' }, 'open-options', /platform/],
  ['401 without a type', { kind: 'http', status: 401 }, 'open-options', /platform/],
  ['403 permission_denied_error', { kind: 'http', status: 403, type: 'permission_denied_error' }, 'open-options', /IP/],
  ['403 without a type', { kind: 'http', status: 403 }, 'open-options', /IP/],
  ['404 resource_not_found_error', { kind: 'http', status: 404, type: 'resource_not_found_error' }, 'open-options', /another model/],
  ['not-api', { kind: 'not-api', status: 200 }, 'open-options', /Endpoint URL/],
  ['content_filter', { kind: 'http', status: 400, type: 'content_filter' }, 'none', /same result/],
  ['invalid_request_error', { kind: 'http', status: 400, type: 'invalid_request_error', message: 'Invalid request: invalid thinking' }, 'none', /invalid/],
  [
    'token limit',
    {
      kind: 'http',
      status: 400,
      type: 'invalid_request_error',
      message: 'Invalid request: Your request exceeded model token limit: 262144 (requested: 274613)',
    },
    'shorten',
    /select/i,
  ],
  ['input too long', { kind: 'http', status: 400, type: 'invalid_request_error', message: 'Input token length too long' }, 'shorten', /context window/],
  ['rate limit', { kind: 'http', status: 429, type: 'rate_limit_reached_error', retryAfterSeconds: 20 }, 'wait', /20 seconds/],
  ['rate limit without seconds', { kind: 'http', status: 429, type: 'rate_limit_reached_error' }, 'wait', /Wait a minute/],
  ['429 without a type', { kind: 'http', status: 429 }, 'wait', /limit/],
  ['overloaded', { kind: 'http', status: 429, type: 'engine_overloaded_error' }, 'retry', /few seconds/],
  ['quota', { kind: 'http', status: 429, type: 'exceeded_current_quota_error' }, 'top-up', /Top up/],
  ['server_error', { kind: 'http', status: 500, type: 'server_error' }, 'retry', /Kimi's side/],
  ['unexpected_output', { kind: 'http', status: 500, type: 'unexpected_output' }, 'retry', /Kimi's side/],
  ['502', { kind: 'http', status: 502 }, 'retry', /Kimi's side/],
  ['504', { kind: 'http', status: 504 }, 'retry', /timed out/],
  ['stream-error', { kind: 'stream-error', message: 'boom' }, 'retry', /text so far is kept/],
  ['incomplete', { kind: 'incomplete' }, 'continue', /Continue/],
  ['network', { kind: 'network', message: 'Failed to fetch' }, 'retry', /internet connection/],
  ['timeout', { kind: 'timeout' }, 'retry', /long time/],
  ['no host permission', { kind: 'no-host-permission', message: 'https://proxy.example/v1' }, 'open-options', /allow access/],
  ['unknown status', { kind: 'http', status: 418 }, 'none', /418/],
];

describe('describeFailure', () => {
  it.each(ROWS)('%s → words and action', (_, failure, action, advice) => {
    const info = describeFailure(failure);
    expect(info.action).toBe(action);
    expect(info.title.trim()).not.toBe('');
    expect(info.advice).toMatch(advice);
    // t() returns the key itself when a string is missing.
    expect(Object.keys(en)).not.toContain(info.title);
    expect(Object.keys(en)).not.toContain(info.advice);
  });

  it('gives each row its own title (no two different situations read the same)', () => {
    const titles = new Set(
      ['no-key', 'not-api', 'incomplete', 'network', 'timeout', 'no-host-permission'].map((kind) => describeFailure({ kind } as KimiFailure).title),
    );
    expect(titles.size).toBe(6);
  });

  it('passes the parsed wait on for rate limits and suggests a short pause for overload', () => {
    expect(describeFailure({ kind: 'http', status: 429, type: 'rate_limit_reached_error', retryAfterSeconds: 9 }).retryAfterSeconds).toBe(9);
    expect(describeFailure({ kind: 'http', status: 429, type: 'engine_overloaded_error' }).retryAfterSeconds).toBeGreaterThan(0);
    expect(describeFailure({ kind: 'http', status: 429, type: 'exceeded_current_quota_error', retryAfterSeconds: 9 }).retryAfterSeconds).toBeUndefined();
  });

  it('prefers error.type over the status (quota is a 429 but needs a top-up; a typed stream error keeps its row)', () => {
    expect(describeFailure({ kind: 'http', status: 429, type: 'exceeded_current_quota_error' }).action).toBe('top-up');
    expect(describeFailure({ kind: 'stream-error', type: 'content_filter' }).action).toBe('none');
  });

  it('links the console of the platform the call went to', () => {
    const quota: KimiFailure = { kind: 'http', status: 429, type: 'exceeded_current_quota_error' };
    expect(describeFailure(quota, { base: 'https://api.moonshot.cn/v1' }).link).toBe('https://platform.moonshot.cn/console');
    expect(describeFailure(quota, { base: 'https://api.moonshot.ai/v1' }).link).toBe('https://platform.moonshot.ai/console');
    expect(describeFailure(quota).link).toBeUndefined();
  });

  it('puts message, status, type and request id in the details', () => {
    const info = describeFailure({ kind: 'http', status: 401, type: 'invalid_authentication_error', message: 'Invalid Authentication', requestId: 'req-9' });
    expect(info.details.split('\n')).toEqual(['Invalid Authentication', 'HTTP status: 401', 'Error type: invalid_authentication_error', 'Request ID: req-9']);
  });

  it.each([
    ['fetch failed: ENOTFOUND: getaddrinfo ENOTFOUND api.moonshot.ai', 'dns', /DNS/],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns', /DNS/],
    ['fetch failed: UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate', 'tls', /certificate/],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls', /certificate/],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy', /proxy/],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy', /proxy/],
    ['fetch failed: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9', 'refused', /refused/],
    ['Failed to fetch: offline', 'offline', /offline/],
    ['NetworkError when attempting to fetch resource.', 'unknown', /internet connection/],
  ])('network "%s" → %s', (message, cause, advice) => {
    expect(networkCause(message)).toBe(cause);
    expect(describeFailure({ kind: 'network', message }).advice).toMatch(advice);
  });
});
