// Bilibili's subtitle file: `{body: [{from, to, content}], lang?, type?}` (times in seconds).
import { CaptionFormatError, MAX_CUES, finite, tidyCues, type Cue } from './cues';

/** The cues of a Bilibili subtitle body (already parsed); throws CaptionFormatError on any other shape. */
export function parseBilibiliSubtitle(body: unknown): Cue[] {
  const items = (body as { body?: unknown } | null)?.body;
  if (!Array.isArray(items)) throw new CaptionFormatError('bilibili', 'no body list');
  if (items.length > MAX_CUES) throw new CaptionFormatError('bilibili', `too many lines (${items.length})`);
  const cues: Cue[] = [];
  for (const it of items as { from?: unknown; to?: unknown; content?: unknown }[]) {
    if (!it || typeof it !== 'object') continue;
    if (!finite(it.from) || typeof it.content !== 'string') throw new CaptionFormatError('bilibili', 'a line without a time or text');
    cues.push({ start: it.from, end: finite(it.to) ? it.to : it.from, text: it.content });
  }
  return tidyCues(cues);
}
