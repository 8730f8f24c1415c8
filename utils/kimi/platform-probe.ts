// A 401 on one official platform often means the key belongs to the other one (kimi-faq: the two are fully separate).
import type { Platform } from '../storage/items';
import { PLATFORM_BASE } from './endpoint';
import { listModels } from './models';

export type OfficialPlatform = Exclude<Platform, 'custom'>;
export type PlatformBases = Record<OfficialPlatform, string>;

/** Which official platform `base` is, or undefined for a custom endpoint. */
export function officialPlatformOf(base: string, bases: PlatformBases = PLATFORM_BASE): OfficialPlatform | undefined {
  const clean = base.replace(/\/+$/, '');
  return (Object.keys(bases) as OfficialPlatform[]).find((p) => bases[p].replace(/\/+$/, '') === clean);
}

/**
 * One GET /v1/models on the other platform's host. Returns that platform when
 * the key works there; undefined when it doesn't, or when `base` is a custom
 * endpoint (we never send the key to a host the user didn't choose a platform for).
 */
export async function probeOtherPlatform(
  base: string,
  apiKey: string,
  opts: { bases?: PlatformBases; fetchImpl?: typeof fetch; signal?: AbortSignal } = {},
): Promise<OfficialPlatform | undefined> {
  const bases = opts.bases ?? PLATFORM_BASE;
  const here = officialPlatformOf(base, bases);
  if (!here) return undefined;
  const other: OfficialPlatform = here === 'international' ? 'china' : 'international';
  try {
    await listModels({ base: bases[other], apiKey, fetchImpl: opts.fetchImpl, signal: opts.signal, timeoutMs: 15_000 });
    return other;
  } catch {
    return undefined;
  }
}
