// A transcript as Kimi reads it: cues grouped into passages of about a minute, each led by its
// time (`[4:05]`), with the chapter titles as headings, so answers can cite moments.
import { chapterAt, type Chapter } from './chapters';
import type { Cue } from './cues';
import { formatTime } from './timestamps';

export interface TimedPassage {
  start: number;
  end: number;
  text: string;
  chapter?: string;
}

export interface PassageLimits {
  /** A passage closes after this many seconds… */
  seconds: number;
  /** …or this many characters, whichever comes first. */
  chars: number;
}

export const DEFAULT_LIMITS: PassageLimits = { seconds: 60, chars: 1_200 };

/** Groups cues into passages; a new chapter always starts a new passage. */
export function timedPassages(cues: Cue[], chapters: Chapter[] = [], limits: PassageLimits = DEFAULT_LIMITS): TimedPassage[] {
  const out: TimedPassage[] = [];
  let cur: TimedPassage | undefined;
  for (const c of cues) {
    const chapter = chapterAt(chapters, c.start)?.title;
    const full = cur && (c.start - cur.start >= limits.seconds || cur.text.length + c.text.length + 1 > limits.chars || chapter !== cur.chapter);
    if (!cur || full) {
      cur = { start: c.start, end: c.end, text: c.text, ...(chapter ? { chapter } : {}) };
      out.push(cur);
    } else {
      cur.text += ` ${c.text}`;
      cur.end = Math.max(cur.end, c.end);
    }
  }
  return out;
}

/** The transcript as text: chapter headings, and each passage on its own line after its time. */
export function transcriptText(passages: TimedPassage[]): string {
  const lines: string[] = [];
  let chapter: string | undefined;
  for (const p of passages) {
    if (p.chapter && p.chapter !== chapter) lines.push(`${lines.length ? '\n' : ''}## ${p.chapter}`);
    chapter = p.chapter;
    lines.push(`[${formatTime(p.start)}] ${p.text}`);
  }
  return lines.join('\n');
}

/** The passage a cited moment falls in (for the hover preview), or undefined. */
export function passageAt(passages: TimedPassage[], seconds: number): TimedPassage | undefined {
  let lo = 0;
  let hi = passages.length - 1;
  let found: TimedPassage | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (passages[mid].start <= seconds) {
      found = passages[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Whether the transcript runs past the end of the video: then it is another video's (the older
 * Bilibili endpoint is known to answer so). Ending early is normal: talk often stops before the credits.
 */
export function endsPastVideo(cues: Cue[], durationSeconds: number): boolean {
  if (!cues.length || durationSeconds <= 0) return false;
  return cues[cues.length - 1].start > durationSeconds + 5;
}
