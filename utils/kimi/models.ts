import type { ModelInfo } from './types';
import { KimiError, failureFromResponse } from './errors';
import { RequestGuard } from './request-guard';

export { modelProfile, type ModelProfile } from './model-table';
export { pickDefaultModel, ASSUMED_MODEL } from './model-pick';

export interface ListModelsOptions {
  base: string;
  apiKey: string;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

/** GET {base}/models — also the cheapest way to check a key against a platform. Throws KimiError. */
export async function listModels(opts: ListModelsOptions): Promise<ModelInfo[]> {
  if (opts.signal?.aborted) throw opts.signal.reason;
  const fetchImpl = opts.fetchImpl ?? ((input, init) => fetch(input, init));
  const timeout = opts.timeoutMs ?? 30_000;
  const guard = new RequestGuard(opts.signal, timeout, timeout);
  try {
    const res = await guard.race(
      fetchImpl(`${opts.base}/models`, {
        headers: { Authorization: `Bearer ${opts.apiKey}`, Accept: 'application/json' },
        signal: guard.signal,
      }),
    );
    const text = await guard.race(res.text());
    if (!res.ok) throw new KimiError(failureFromResponse(res, text));
    const models = parseModels(text);
    if (!models) throw new KimiError({ ...failureFromResponse(res, text), kind: 'not-api' });
    return models;
  } catch (err) {
    throw guard.translate(err);
  } finally {
    guard.dispose();
  }
}

/** `{"data":[{id, context_length?, supports_image_in?, supports_reasoning?}]}`; null if it is not that. */
export function parseModels(text: string): ModelInfo[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return null;
  const out: ModelInfo[] = [];
  for (const raw of data) {
    const m = raw as Record<string, unknown> | null;
    if (!m || typeof m.id !== 'string' || !m.id) continue;
    const info: ModelInfo = { id: m.id };
    if (typeof m.context_length === 'number' && m.context_length > 0) info.contextLength = m.context_length;
    if (typeof m.supports_image_in === 'boolean') info.supportsImages = m.supports_image_in;
    if (typeof m.supports_reasoning === 'boolean') info.supportsReasoning = m.supports_reasoning;
    out.push(info);
  }
  return out;
}
