import type { KimiFailure, ModelInfo } from '../kimi/types';
import type { PageContent } from '../sources/types';
import { estimateTokens } from '../kimi/tokens';
import { modelProfile } from '../kimi/models';

/** Room kept for Moonlit's instructions, the question and a useful answer. */
export const ANSWER_RESERVE = 4_096;
const PROMPT_OVERHEAD = 600;

export type Coverage = { fits: true; tokens: number; model: string } | { fits: false; tokens: number; model: string; limit: number; larger?: string };

/**
 * How much of the page Kimi will read with the chosen model: all of it, or —
 * never silently — a clear "it does not fit" with the options.
 */
export function pageCoverage(page: PageContent, model: string, models: ModelInfo[]): Coverage {
  const tokens = estimateTokens(page.text) + estimateTokens(page.selection) + PROMPT_OVERHEAD;
  const profile = modelProfile(
    model,
    models.find((m) => m.id === model),
  );
  const limit = profile.contextLength - ANSWER_RESERVE;
  if (tokens <= limit) return { fits: true, tokens, model };
  const larger = models
    .map((m) => modelProfile(m.id, m))
    .filter((p) => p.contextLength - ANSWER_RESERVE >= tokens)
    .sort((a, b) => a.contextLength - b.contextLength)[0]?.id;
  return { fits: false, tokens, model, limit, larger };
}

/**
 * A question about a page that does not fit, as the failure the worker would report (nothing is sent): the
 * turn shows why, and offers a larger model or reading the page in parts.
 */
export function coverageFailure(c: Coverage): KimiFailure | null {
  if (c.fits) return null;
  return {
    kind: 'too-long',
    model: c.model,
    promptTokens: c.tokens,
    contextLength: c.limit + ANSWER_RESERVE,
    message: `The page is about ${c.tokens} tokens (local estimate); ${c.model} reads at most ${c.limit} with room for the answer.`,
  };
}

/** "≈ 12,300" in the user's number format. */
export const approx = (n: number, locale: string): string => Math.round(n).toLocaleString(locale === 'zh-CN' || locale.startsWith('zh') ? 'zh-CN' : 'en-US');
