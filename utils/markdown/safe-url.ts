/** Schemes a link in model output may use; everything else becomes plain text. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const WEB_SCHEMES = new Set(['http:', 'https:']);

/**
 * The normalised href if `raw` is an absolute URL with an allowed scheme, else null.
 * The WHATWG parser strips the tabs, newlines and control characters a browser would,
 * so `java\tscript:` is judged as the browser would see it. Relative URLs are refused:
 * in an extension page they would point into the extension itself.
 */
export function safeHref(raw: string, webOnly = false): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  const allowed = webOnly ? WEB_SCHEMES : LINK_SCHEMES;
  return allowed.has(url.protocol.toLowerCase()) ? url.href : null;
}
