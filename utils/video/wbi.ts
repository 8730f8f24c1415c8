// Bilibili's signed query ("WBI"): its player API lists a part's subtitles reliably only when
// signed. The key comes from the user's own `nav` answer (two image file names), mixed by a fixed table.
import SparkMD5 from 'spark-md5';

/** The public mixing table: which characters of the 64-character key make the 32-character one. */
const MIXIN = [46, 47, 18, 2, 53, 8, 23, 32, 15, 50, 10, 31, 58, 3, 45, 35, 27, 43, 5, 49, 33, 9, 42, 19, 29, 28, 14, 39, 12, 38, 41, 13];

/** `https://i0.hdslb.com/bfs/wbi/7cd084941338484aae1ad9425b84077c.png` → `7cd0849…077c`. */
export const keyOfImage = (url: string): string => url.slice(url.lastIndexOf('/') + 1).split('.')[0] ?? '';

/** The key the signature uses, from the `nav` answer's `wbi_img` urls; undefined when they are missing. */
export function mixinKey(nav: unknown): string | undefined {
  const img = (nav as { data?: { wbi_img?: { img_url?: unknown; sub_url?: unknown } } } | null)?.data?.wbi_img;
  if (typeof img?.img_url !== 'string' || typeof img.sub_url !== 'string') return undefined;
  const raw = keyOfImage(img.img_url) + keyOfImage(img.sub_url);
  if (raw.length < 64) return undefined;
  return MIXIN.map((i) => raw[i]).join('');
}

/** The signed query string for `params` at `wts` (seconds since the epoch). */
export function signedQuery(params: Record<string, string | number>, key: string, wts: number): string {
  const all: Record<string, string> = { wts: String(wts) };
  // The service drops these characters from values before it checks the signature.
  for (const [k, v] of Object.entries(params)) all[k] = String(v).replace(/[!'()*]/g, '');
  const query = Object.keys(all)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(all[k])}`)
    .join('&');
  return `${query}&w_rid=${SparkMD5.hash(query + key)}`;
}
