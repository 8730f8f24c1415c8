import type { ModelInfo } from './types';
import type { MessageKey } from '../i18n';

type Reason = 'modelReasonCurrent' | 'modelReasonOlder' | 'modelReasonOnlyFlagship' | 'modelReasonUnlisted';

/**
 * Best first: current general models with a big window, then older general
 * ones, then thinking-only and coding variants, then moonshot-v1. kimi-k3 is
 * the flagship and costs the most, so it is chosen only when nothing else is.
 */
const RANKS: [RegExp, Reason][] = [
  [/^kimi-k2\.6$/, 'modelReasonCurrent'],
  [/^kimi-k2\.5$/, 'modelReasonCurrent'],
  [/^kimi-k2\.[56]-/, 'modelReasonCurrent'],
  [/^kimi-k2-(?!.*(?:turbo|thinking))/, 'modelReasonOlder'],
  [/^kimi-k2-.*turbo/, 'modelReasonOlder'],
  [/^kimi-k2-thinking/, 'modelReasonOlder'],
  [/^kimi-k2\.\d/, 'modelReasonOlder'],
  [/^moonshot-v1-128k$/, 'modelReasonOlder'],
  [/^kimi-latest$/, 'modelReasonOlder'],
  [/^moonshot-v1-auto$/, 'modelReasonOlder'],
  [/^moonshot-v1-32k$/, 'modelReasonOlder'],
  [/^moonshot-v1-/, 'modelReasonOlder'],
];

export const ASSUMED_MODEL = 'kimi-k2.6';

const byNewest = (a: ModelInfo, b: ModelInfo) => b.id.localeCompare(a.id, 'en', { numeric: true });

export function pickDefaultModel(models: ModelInfo[]): { id: string; reason: MessageKey } {
  const usable = models.filter((m) => m.id);
  if (!usable.length) return { id: ASSUMED_MODEL, reason: 'modelReasonUnlisted' };
  for (const [re, reason] of RANKS) {
    const hits = usable.filter((m) => re.test(m.id)).sort(byNewest);
    if (hits.length) return { id: hits[0].id, reason };
  }
  const isFlagship = (m: ModelInfo) => /^kimi-k3/.test(m.id);
  // Unknown names (a new family, a proxy's own models): the biggest window wins.
  const others = usable.filter((m) => !isFlagship(m)).sort((a, b) => (b.contextLength ?? 0) - (a.contextLength ?? 0) || byNewest(a, b));
  if (others.length) return { id: others[0].id, reason: 'modelReasonOlder' };
  const flagship = usable.filter(isFlagship).sort(byNewest);
  return { id: flagship[0].id, reason: 'modelReasonOnlyFlagship' };
}
