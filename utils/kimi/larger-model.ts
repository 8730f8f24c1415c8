import type { ModelInfo } from './types';
import { marginFor } from './budget';
import { MIN_CAP } from './request';
import { modelProfile } from './model-table';

/** The smallest listed model whose window holds `promptTokens` with room for an answer; undefined if none does. */
export function largerModelFor(promptTokens: number, current: string, models: ModelInfo[]): string | undefined {
  return models
    .filter((m) => m.id !== current)
    .map((m) => modelProfile(m.id, m))
    .filter((p) => p.contextLength - marginFor(p.contextLength) - MIN_CAP * 4 >= promptTokens)
    .sort((a, b) => a.contextLength - b.contextLength)[0]?.id;
}
