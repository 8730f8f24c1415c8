// YouTube's timed text as JSON (`fmt=json3`): `{events: [{tStartMs, dDurationMs, segs: [{utf8}]}]}`.
// Automatic captions add window events with no `segs` and `aAppend` events that hold only a line break.
import { CaptionFormatError, MAX_CUES, finite, tidyCues, type Cue } from './cues';

interface Json3Event {
  tStartMs?: unknown;
  dDurationMs?: unknown;
  segs?: unknown;
}

/** The cues of a json3 body (already parsed); throws CaptionFormatError on any other shape. */
export function parseJson3(body: unknown): Cue[] {
  const events = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) throw new CaptionFormatError('json3', 'no events list');
  if (events.length > MAX_CUES) throw new CaptionFormatError('json3', `too many events (${events.length})`);
  const cues: Cue[] = [];
  for (const raw of events as Json3Event[]) {
    if (!raw || typeof raw !== 'object' || !Array.isArray(raw.segs)) continue;
    if (!finite(raw.tStartMs)) throw new CaptionFormatError('json3', 'an event without a start time');
    let text = '';
    for (const seg of raw.segs as { utf8?: unknown }[]) if (typeof seg?.utf8 === 'string') text += seg.utf8;
    const duration = finite(raw.dDurationMs) ? raw.dDurationMs : 0;
    cues.push({ start: raw.tStartMs / 1000, end: (raw.tStartMs + duration) / 1000, text });
  }
  return tidyCues(cues);
}
