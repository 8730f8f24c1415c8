import { describe, expect, it } from 'vitest';
import { listModels, modelProfile, parseModels, pickDefaultModel } from '../../../utils/kimi/models';
import type { KimiError } from '../../../utils/kimi/errors';
import { t } from '../../../utils/i18n';
import en from '../../../public/_locales/en/messages.json';
import type { ModelInfo } from '../../../utils/kimi/types';
import { fakeFetch, jsonResponse } from './helpers';

const ids = (...list: string[]): ModelInfo[] => list.map((id) => ({ id }));

describe('listModels', () => {
  it('GETs {base}/models with the key and maps the capability fields', async () => {
    const f = fakeFetch(() =>
      jsonResponse(200, {
        object: 'list',
        data: [
          { id: 'kimi-k2.6', object: 'model', context_length: 262144, supports_image_in: true, supports_reasoning: true },
          { id: 'moonshot-v1-8k', object: 'model' },
          { object: 'model' },
        ],
      }),
    );
    const models = await listModels({ base: 'http://kimi.test/v1', apiKey: 'sk-1', fetchImpl: f.fetch });
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0].url).toBe('http://kimi.test/v1/models');
    expect((f.calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer sk-1');
    expect(models).toEqual([{ id: 'kimi-k2.6', contextLength: 262144, supportsImages: true, supportsReasoning: true }, { id: 'moonshot-v1-8k' }]);
  });

  it('throws KimiError for a 401, once', async () => {
    const f = fakeFetch(() =>
      jsonResponse(401, { error: { message: 'Invalid Authentication', type: 'invalid_authentication_error' } }, { 'Msh-Request-Id': 'r1' }),
    );
    const error = await listModels({ base: 'http://kimi.test/v1', apiKey: 'bad', fetchImpl: f.fetch }).catch((e: unknown) => e);
    expect((error as KimiError).failure).toMatchObject({ kind: 'http', status: 401, type: 'invalid_authentication_error', requestId: 'r1' });
    expect(f.calls).toHaveLength(1);
  });

  it('throws not-api for a web page or JSON that is not a model list', async () => {
    for (const res of [() => new Response('<html>hello</html>', { headers: { 'Content-Type': 'text/html' } }), () => jsonResponse(200, { ok: true })]) {
      const error = await listModels({ base: 'http://x/v1', apiKey: 'k', fetchImpl: fakeFetch(res).fetch }).catch((e: unknown) => e);
      expect((error as KimiError).failure.kind).toBe('not-api');
    }
  });

  it('throws network when fetch fails and rethrows an abort untouched', async () => {
    const net = await listModels({
      base: 'http://x/v1',
      apiKey: 'k',
      fetchImpl: fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).fetch,
    }).catch((e: unknown) => e);
    expect((net as KimiError).failure.kind).toBe('network');
    const controller = new AbortController();
    controller.abort();
    const aborted = await listModels({
      base: 'http://x/v1',
      apiKey: 'k',
      signal: controller.signal,
      fetchImpl: fakeFetch(() => new Promise(() => {})).fetch,
    }).catch((e: unknown) => e);
    expect(aborted).toBe(controller.signal.reason);
  });

  it('parseModels returns null for non-lists', () => {
    expect(parseModels('nope')).toBeNull();
    expect(parseModels('{"data":{}}')).toBeNull();
  });
});

describe('modelProfile', () => {
  it.each([
    ['kimi-k3', 1_048_576, 'always', true],
    ['kimi-k2.7-code', 262_144, 'always', true],
    ['kimi-k2.6', 262_144, 'optional', true],
    ['kimi-k2.5', 262_144, 'optional', true],
    ['kimi-k2-thinking-turbo', 262_144, 'always', false],
    ['kimi-k2-0905-preview', 262_144, 'never', false],
    ['kimi-latest', 131_072, 'never', false],
    ['moonshot-v1-8k', 8_192, 'never', false],
    ['moonshot-v1-32k-vision-preview', 32_768, 'never', false],
    ['moonshot-v1-128k', 131_072, 'never', false],
    ['moonshot-v1-auto', 131_072, 'never', false],
  ] as const)('%s falls back to the table', (id, context, thinking, fixed) => {
    const p = modelProfile(id);
    expect(p).toMatchObject({ id, contextLength: context, thinking, fixedSampling: fixed });
    expect(p.maxOutput).toBeLessThanOrEqual(p.contextLength);
  });

  it('marks vision previews and k3 as taking images', () => {
    expect(modelProfile('moonshot-v1-8k-vision-preview').images).toBe(true);
    expect(modelProfile('moonshot-v1-8k').images).toBe(false);
    expect(modelProfile('kimi-k3').reasoningEffort).toBe(true);
  });

  it('lets /v1/models fields win over the table', () => {
    expect(modelProfile('kimi-k2.6', { id: 'kimi-k2.6', contextLength: 131_072, supportsImages: false })).toMatchObject({
      contextLength: 131_072,
      images: false,
    });
  });

  it('uses conservative defaults for an unknown model, and listed fields when present', () => {
    expect(modelProfile('acme-llm')).toMatchObject({ contextLength: 32_768, fixedSampling: true, thinking: 'never', reasoningEffort: false, images: false });
    expect(modelProfile('acme-llm', { id: 'acme-llm', contextLength: 200_000, supportsReasoning: true })).toMatchObject({
      contextLength: 200_000,
      thinking: 'always',
    });
  });
});

describe('pickDefaultModel', () => {
  it.each([
    [ids('kimi-k3', 'kimi-k2.5', 'kimi-k2.6', 'moonshot-v1-128k'), 'kimi-k2.6', 'modelReasonCurrent'],
    [ids('kimi-k3', 'kimi-k2.5', 'moonshot-v1-128k'), 'kimi-k2.5', 'modelReasonCurrent'],
    [ids('kimi-k3', 'kimi-k2-0905-preview', 'kimi-k2-turbo-preview', 'moonshot-v1-128k'), 'kimi-k2-0905-preview', 'modelReasonOlder'],
    [ids('kimi-k3', 'kimi-k2-thinking', 'moonshot-v1-8k'), 'kimi-k2-thinking', 'modelReasonOlder'],
    [ids('moonshot-v1-8k', 'moonshot-v1-32k', 'moonshot-v1-128k', 'kimi-k3'), 'moonshot-v1-128k', 'modelReasonOlder'],
    [ids('moonshot-v1-8k', 'moonshot-v1-32k'), 'moonshot-v1-32k', 'modelReasonOlder'],
    [[{ id: 'kimi-k3' }, { id: 'proxy-small', contextLength: 8000 }, { id: 'proxy-big', contextLength: 200000 }], 'proxy-big', 'modelReasonOlder'],
    [ids('kimi-k3'), 'kimi-k3', 'modelReasonOnlyFlagship'],
    [[], 'kimi-k2.6', 'modelReasonUnlisted'],
  ])('%j → %s', (models, id, reason) => {
    expect(pickDefaultModel(models)).toEqual({ id, reason });
  });

  it('explains every choice with a real string', () => {
    for (const models of [ids('kimi-k2.6'), ids('moonshot-v1-8k'), ids('kimi-k3'), []]) {
      const { reason } = pickDefaultModel(models);
      expect(Object.keys(en)).toContain(reason);
      expect(t(reason)).not.toBe(reason);
    }
  });
});
