// Moments in a video as people write them (`4:05`, `1:02:03`) and as Kimi cites them in answers
// (`[4:05]`, `【1:02:03】`). Both are read by a hand-written scanner: answers are model output.

/** `65` → "1:05", `3723` → "1:02:03". */
export function formatTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const digit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * Reads `m:ss` or `h:mm:ss` at `from` in `text`; returns the seconds and where it ends, or null.
 * Minutes and hours are at most 3 digits; seconds (and minutes after hours) exactly 2, below 60.
 */
export function readTime(text: string, from: number): { seconds: number; end: number } | null {
  const groups: number[] = [];
  let i = from;
  for (let g = 0; g < 3; g++) {
    const start = i;
    while (i < text.length && i - start < 3 && digit(text.charCodeAt(i))) i++;
    const len = i - start;
    if (len === 0 || (g > 0 && len !== 2)) return null;
    groups.push(Number(text.slice(start, i)));
    if (text[i] !== ':' || !digit(text.charCodeAt(i + 1))) break;
    i++;
  }
  if (groups.length < 2) return null;
  const [a, b, c] = groups;
  if (groups.length === 2) return b < 60 ? { seconds: a * 60 + b, end: i } : null;
  return b < 60 && c < 60 ? { seconds: a * 3600 + b * 60 + c, end: i } : null;
}

/** `"1:02:03"` → 3723; anything else → null. */
export function parseTime(text: string): number | null {
  const t = text.trim();
  const r = readTime(t, 0);
  return r && r.end === t.length ? r.seconds : null;
}

export interface TimeMarker {
  index: number;
  length: number;
  seconds: number;
}

const OPEN = new Set(['[', '【']);
const CLOSE: Record<string, string> = { '[': ']', '【': '】' };

/** Every `[m:ss]` / `[h:mm:ss]` (or full-width brackets) in `text`, in order. Linear in the text. */
export function findTimeMarkers(text: string): TimeMarker[] {
  const out: TimeMarker[] = [];
  for (let i = 0; i < text.length; i++) {
    const open = text[i];
    if (!OPEN.has(open)) continue;
    const t = readTime(text, i + 1);
    if (!t || text[t.end] !== CLOSE[open]) continue;
    out.push({ index: i, length: t.end + 1 - i, seconds: t.seconds });
    i = t.end;
  }
  return out;
}
