// The default model roster and the per-family rules the real API applies (kimi-api.md §2.1, §4).
import type { SimModel } from './types';

export const DEFAULT_MODELS: SimModel[] = [
  { id: 'kimi-k2.6', created: 1776384000, context_length: 262144, supports_image_in: true, supports_video_in: true, supports_reasoning: true },
  { id: 'kimi-k2.5', created: 1769040000, context_length: 262144, supports_image_in: true, supports_video_in: false, supports_reasoning: true },
  { id: 'kimi-k3', created: 1784851200, context_length: 1048576, supports_image_in: true, supports_video_in: true, supports_reasoning: true },
  { id: 'moonshot-v1-8k', created: 1709149158, context_length: 8192, supports_image_in: false, supports_video_in: false, supports_reasoning: false },
  { id: 'moonshot-v1-32k', created: 1709149158, context_length: 32768, supports_image_in: false, supports_video_in: false, supports_reasoning: false },
  { id: 'moonshot-v1-128k', created: 1709149158, context_length: 131072, supports_image_in: false, supports_video_in: false, supports_reasoning: false },
  {
    id: 'moonshot-v1-128k-vision-preview',
    created: 1736121600,
    context_length: 131072,
    supports_image_in: true,
    supports_video_in: false,
    supports_reasoning: false,
  },
];

/** v1 = moonshot-v1-*, k2x = kimi-k2.5/k2.6/k2.7… (locked sampling, `thinking`), k3 = kimi-k3*, other = anything else. */
export type Family = 'v1' | 'k2x' | 'k3' | 'other';

export function familyOf(id: string): Family {
  if (id.startsWith('moonshot-v1')) return 'v1';
  if (id.startsWith('kimi-k3')) return 'k3';
  if (/^kimi-k2\.\d/.test(id)) return 'k2x';
  return 'other';
}

/** Context window used for the token-limit check when a SimModel leaves context_length out. */
export function contextOf(m: SimModel): number {
  if (m.context_length) return m.context_length;
  const k = /-(8|32|128)k/.exec(m.id);
  if (k) return Number(k[1]) * 1024;
  return familyOf(m.id) === 'k3' ? 1048576 : 262144;
}

export function supportsImages(m: SimModel): boolean {
  return m.supports_image_in ?? (familyOf(m.id) !== 'v1' || m.id.includes('vision'));
}

/** Output cap assumed when the request sends none (the docs: 1024 legacy, 32768 for k2.5, 131072 for k3). */
export function defaultMaxTokens(m: SimModel): number {
  const f = familyOf(m.id);
  return f === 'k3' ? 131072 : f === 'k2x' ? 32768 : 1024;
}

/** The wire shape: fields the SimModel leaves out stay out. */
export function modelToWire(m: SimModel): Record<string, unknown> {
  const out: Record<string, unknown> = { id: m.id, object: 'model', created: m.created ?? 1767225600, owned_by: 'moonshot' };
  for (const k of ['context_length', 'supports_image_in', 'supports_video_in', 'supports_reasoning'] as const) {
    if (m[k] !== undefined) out[k] = m[k];
  }
  return out;
}
