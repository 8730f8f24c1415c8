export type NetworkCause = 'offline' | 'dns' | 'tls' | 'proxy' | 'refused' | 'unknown';

/**
 * Which network failure a fetch error message shows. Node/undici gives codes
 * (ENOTFOUND…), Chromium net errors give names (ERR_NAME_NOT_RESOLVED…); plain
 * "Failed to fetch" tells nothing, so it stays 'unknown'.
 */
export function networkCause(message: string | undefined): NetworkCause {
  const m = message ?? '';
  if (/\boffline\b|INTERNET_DISCONNECTED/i.test(m)) return 'offline';
  if (/PROXY|TUNNEL/i.test(m)) return 'proxy';
  if (/ENOTFOUND|EAI_AGAIN|NAME_NOT_RESOLVED|getaddrinfo|\bDNS\b/i.test(m)) return 'dns';
  if (/CERT|SSL|TLS|self[- ]signed|certificate/i.test(m)) return 'tls';
  if (/ECONNREFUSED|CONNECTION_REFUSED|connection refused/i.test(m)) return 'refused';
  return 'unknown';
}
