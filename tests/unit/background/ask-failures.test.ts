// Every failure family through the worker, each with the exact number of HTTP requests one question costs
// (issue 3, items 7 and 8: no retry amplification; only "engine overloaded" before the first token is retried).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startSimulator, type Simulator } from '../../simulator/server';
import { describeFailure } from '../../../utils/kimi/error-table';
import { MAX_OVERLOAD_RETRIES } from '../../../utils/kimi/backoff';
import { apiRequests, askWorker, chats, connectionTo, noWait } from './ask-harness';

let sim: Simulator;
let china: Simulator;
let dead: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
  china = await startSimulator({ platform: 'cn' });
  dead = await startSimulator();
  await dead.close(); // its port now refuses connections
});
afterAll(async () => {
  await sim.close();
  await china.close();
});
beforeEach(() => {
  sim.reset();
  china.reset();
  vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({} as never);
});

const plain = (over = {}) => ({ connect: async () => connectionTo(sim, over) });
const failureOf = async (deps: Parameters<typeof askWorker>[0]) => askWorker(deps).failure();

describe('one question, one request: failures that are never retried', () => {
  it.each([
    [
      '403 permission_denied_error',
      { status: 403, type: 'permission_denied_error', message: 'Your IP is not allowed to access this organization' },
      'errForbiddenTitle',
    ],
    [
      '400 invalid_request_error',
      { status: 400, type: 'invalid_request_error', message: 'Invalid request: invalid temperature: only 1 is allowed for this model' },
      'errBadRequestTitle',
    ],
    ['400 content_filter', { status: 400, type: 'content_filter', message: 'The request was rejected because it was considered high risk' }, 'errFilterTitle'],
    [
      '400 exceeded model token limit',
      { status: 400, type: 'invalid_request_error', message: 'Invalid request: Your request exceeded model token limit: 262144 (requested: 274613)' },
      'errTooLongTitle',
    ],
    ['500 server_error', { status: 500, type: 'server_error', message: 'Internal server error' }, 'errServerTitle'],
    ['500 unexpected_output', { status: 500, type: 'unexpected_output', message: 'invalid state transition' }, 'errServerTitle'],
    ['502 from a gateway (HTML)', { status: 502, rawBody: '<html><body><h1>502 Bad Gateway</h1></body></html>' }, 'errServerTitle'],
    ['504 gateway time-out (HTML)', { status: 504, rawBody: '<html><body>504 Gateway Time-out</body></html>' }, 'errGatewayTimeoutTitle'],
    ['200 HTML page instead of the API', { status: 200, rawBody: '<!doctype html><title>My blog</title><p>Welcome</p>' }, 'errNotApiTitle'],
  ])('%s → 1 request', async (_, error, titleKey) => {
    sim.script({ error });
    const f = await failureOf(plain());
    expect(chats(sim)).toHaveLength(1);
    expect(sim.log).toHaveLength(1);
    expect(describeFailure(f).title).toBe(fakeBrowser.i18n.getMessage(titleKey as never));
    expect(f.base).toBe(sim.baseUrl);
  });

  it('rate_limit_reached_error → 1 request, and the wait in the message reaches the panel for its countdown', async () => {
    const message = 'Your account sim<ak> request reached organization max RPM: 3, please try again after 7 seconds';
    sim.script({ error: { status: 429, type: 'rate_limit_reached_error', message } });
    const f = await failureOf(plain());
    expect(chats(sim)).toHaveLength(1);
    expect(f).toMatchObject({ kind: 'http', status: 429, type: 'rate_limit_reached_error', retryAfterSeconds: 7 });
    expect(describeFailure(f)).toMatchObject({ action: 'wait', retryAfterSeconds: 7 });
  });

  it('exceeded_current_quota_error (no balance) → 1 request, never retried, with the top-up action', async () => {
    sim.setBalance({ cash_balance: 0, voucher_balance: 0 });
    const f = await failureOf(plain());
    expect(chats(sim)).toHaveLength(1);
    expect(f).toMatchObject({ status: 429, type: 'exceeded_current_quota_error' });
    expect(describeFailure(f).action).toBe('top-up');
  });

  it('unknown model (404 resource_not_found_error) → 1 request, "choose another model"', async () => {
    const f = await failureOf(plain({ model: 'kimi-k9-imaginary' }));
    expect(chats(sim)).toHaveLength(1);
    expect(f).toMatchObject({ status: 404, type: 'resource_not_found_error' });
    expect(describeFailure(f)).toMatchObject({ action: 'open-options', title: fakeBrowser.i18n.getMessage('errModelTitle') });
  });

  it('wrong endpoint path (404 that is not about a model) → 1 request, "check the Endpoint URL"', async () => {
    const f = await failureOf({ connect: async () => connectionTo(sim, { base: `${sim.url}/proxy/v1` }) });
    expect(sim.log).toHaveLength(1);
    expect(f.status).toBe(404);
    expect(describeFailure(f)).toMatchObject({ action: 'open-options', title: fakeBrowser.i18n.getMessage('errNotApiTitle') });
    expect(describeFailure(f).advice).toMatch(/\/v1/);
  });

  it('content_filter as a finish_reason mid-stream → 1 request, the text so far is kept, not continued', async () => {
    sim.script({ content: 'Here is the start of', finishReason: 'content_filter', chunkDelayMs: 0 });
    const s = askWorker(plain());
    const f = await s.failure();
    expect(chats(sim)).toHaveLength(1);
    expect(s.text()).toBe('Here is the start of');
    expect(f.type).toBe('content_filter');
    expect(describeFailure(f).action).toBe('none');
  });

  it('an error event inside the 200 stream → 1 request', async () => {
    sim.script({
      content: 'Some words before it breaks',
      chunkSize: 5,
      chunkDelayMs: 0,
      streamError: { afterChunks: 2, type: 'server_error', message: 'boom' },
    });
    const s = askWorker(plain());
    const f = await s.failure();
    expect(chats(sim)).toHaveLength(1);
    expect(f).toMatchObject({ kind: 'stream-error', type: 'server_error' });
    expect(s.text()).toBe('Some words');
  });

  it('a dropped connection mid-answer → 1 request, "incomplete" (the panel offers Continue)', async () => {
    sim.script({ content: 'A long answer that will be cut off midway', chunkSize: 6, chunkDelayMs: 0, dropAfterChunks: 3 });
    const s = askWorker(plain());
    const f = await s.failure();
    expect(chats(sim)).toHaveLength(1);
    expect(f.kind).toBe('incomplete');
    expect(describeFailure(f).action).toBe('continue');
  });

  it('no answer before the time limit → 1 request, "timeout"', async () => {
    sim.script({ firstByteDelayMs: 2000 });
    const f = await failureOf({ ...plain(), firstByteTimeoutMs: 150 });
    expect(chats(sim)).toHaveLength(1);
    expect(f.kind).toBe('timeout');
  });

  it('nothing listening (network down / refused) → 0 requests reach any server, "network"', async () => {
    const f = await failureOf({ connect: async () => connectionTo(dead) });
    expect(f.kind).toBe('network');
    expect(describeFailure(f).action).toBe('retry');
    expect(sim.log).toHaveLength(0);
  });
});

describe('engine_overloaded_error: at most two retries, only before the first token', () => {
  const overloaded = { error: { status: 429, type: 'engine_overloaded_error', message: 'The engine is currently overloaded, please try again later' } };

  it('overloaded ×3 → 3 requests, then the error', async () => {
    sim.script(overloaded, overloaded, overloaded, { content: 'never reached' });
    const { wait, delays } = noWait();
    const f = await failureOf({ ...plain(), wait });
    expect(chats(sim)).toHaveLength(1 + MAX_OVERLOAD_RETRIES);
    expect(chats(sim)).toHaveLength(3);
    expect(f.type).toBe('engine_overloaded_error');
    // Jittered exponential backoff: ~1 s then ~2 s, each ±50 %.
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(500);
    expect(delays[0]).toBeLessThanOrEqual(1500);
    expect(delays[1]).toBeGreaterThanOrEqual(1000);
    expect(delays[1]).toBeLessThanOrEqual(3000);
  });

  it('overloaded, then an answer → 2 requests and the answer', async () => {
    sim.script(overloaded, { content: 'Fine now.', chunkDelayMs: 0 });
    const s = askWorker({ ...plain(), wait: noWait().wait });
    expect(await s.end()).toMatchObject({ type: 'bg→panel:done', finishReason: 'stop' });
    expect(chats(sim)).toHaveLength(2);
    expect(s.text()).toBe('Fine now.');
  });

  it('overloaded after text arrived (in the stream) → 1 request, no retry', async () => {
    sim.script({
      content: 'Text already shown to the user',
      chunkSize: 5,
      chunkDelayMs: 0,
      streamError: { afterChunks: 2, type: 'engine_overloaded_error', message: 'The engine is currently overloaded' },
    });
    const f = await failureOf({ ...plain(), wait: noWait().wait });
    expect(chats(sim)).toHaveLength(1);
    expect(f.type).toBe('engine_overloaded_error');
  });
});

describe('a key from the other platform (401)', () => {
  // The two "official" hosts are simulators: the .ai one doesn't know the key, the .cn one does.
  let ai: Simulator;
  beforeAll(async () => {
    ai = await startSimulator({ keys: ['sk-only-valid-on-ai'] });
  });
  afterAll(() => ai.close());
  beforeEach(() => ai.reset());
  const bases = () => ({ international: ai.baseUrl, china: china.baseUrl });

  it('on .ai: 1 chat request + 1 GET /v1/models on .cn; the key works there, so the panel offers the switch', async () => {
    const f = await failureOf({ connect: async () => connectionTo(ai), platformBases: bases() });
    expect(chats(ai)).toHaveLength(1);
    expect(ai.log).toHaveLength(1);
    expect(china.log.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models']);
    expect(f).toMatchObject({ status: 401, otherPlatform: 'china' });
    const info = describeFailure(f);
    expect(info).toMatchObject({ action: 'switch-platform', platform: 'china' });
    expect(info.advice).toContain('api.moonshot.cn');
  });

  it('a key that works nowhere: 1 + 1 requests and the usual "check the key"', async () => {
    const f = await failureOf({ connect: async () => connectionTo(ai, { apiKey: 'sk-valid-nowhere' }), platformBases: bases() });
    expect(ai.log).toHaveLength(1);
    expect(apiRequests(china, '/v1/models')).toHaveLength(1);
    expect(f.otherPlatform).toBeUndefined();
    expect(describeFailure(f).action).toBe('open-options');
  });

  it('a custom endpoint is never probed: 1 request', async () => {
    const f = await failureOf({ connect: async () => connectionTo(ai), platformBases: { international: 'http://127.0.0.1:1/v1', china: china.baseUrl } });
    expect(ai.log).toHaveLength(1);
    expect(china.log).toHaveLength(0);
    expect(f.otherPlatform).toBeUndefined();
  });
});
