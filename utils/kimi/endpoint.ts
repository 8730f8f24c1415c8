import type { Platform, Settings } from '../storage/items';

export const PLATFORM_BASE: Record<Exclude<Platform, 'custom'>, string> = {
  international: 'https://api.moonshot.ai/v1',
  china: 'https://api.moonshot.cn/v1',
};

/**
 * The API base for the settings, without a trailing slash.
 * A custom endpoint may be given with or without the `/v1` suffix.
 */
export function apiBase(settings: Pick<Settings, 'platform' | 'customEndpoint'>): string {
  if (settings.platform !== 'custom') return PLATFORM_BASE[settings.platform];
  const trimmed = settings.customEndpoint.trim().replace(/\/+$/, '');
  return /\/v\d+$/.test(trimmed) ? trimmed : `${trimmed}/v1`;
}

/** Returns an error key when the custom endpoint is not a usable http(s) URL. */
export function validateEndpoint(raw: string): 'endpointEmpty' | 'endpointInvalid' | null {
  const value = raw.trim();
  if (!value) return 'endpointEmpty';
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'endpointInvalid';
    return null;
  } catch {
    return 'endpointInvalid';
  }
}

/** The origin pattern to request as an optional host permission for a custom endpoint. */
export function originPattern(base: string): string {
  const url = new URL(base);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Loopback names: traffic to them never leaves the machine. */
const LOOPBACK = /^(?:localhost|[^.]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** An `http://` endpoint off this machine: the key would travel in clear text. */
export function sendsKeyInClear(raw: string): boolean {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' && !LOOPBACK.test(url.hostname.replace(/\.$/, ''));
  } catch {
    return false;
  }
}
