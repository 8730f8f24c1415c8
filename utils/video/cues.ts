// Transcript cues, whatever service they came from: times in seconds, text as shown on screen.

export interface Cue {
  start: number;
  end: number;
  text: string;
}

/** Why a caption file could not be read: the service answered, but not in a shape we know. */
export class CaptionFormatError extends Error {
  constructor(
    readonly format: string,
    readonly reason: string,
  ) {
    super(`${format}: ${reason}`);
    this.name = 'CaptionFormatError';
  }
}

/** A transcript longer than this many cues is not a real video's (a day of speech is ~40k). */
export const MAX_CUES = 200_000;

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Collapses runs of white space (incl. line breaks) to one space; linear, no regex backtracking. */
export function oneLine(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0' || ch === '\u2028' || ch === '\u2029') {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

/**
 * Cues in time order with empty ones dropped and white space folded; an end before the start
 * becomes the start. Automatic captions often repeat the previous line: a cue whose text equals
 * the one before it and starts where that one ends is merged into it.
 */
export function tidyCues(cues: Cue[]): Cue[] {
  const sorted = cues
    .filter((c) => finite(c.start) && finite(c.end) && c.start >= 0)
    .map((c) => ({ start: c.start, end: Math.max(c.start, c.end), text: oneLine(c.text) }))
    .filter((c) => c.text.length > 0)
    .sort((a, b) => a.start - b.start);
  const out: Cue[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last.text === c.text && c.start <= last.end + 0.05) last.end = Math.max(last.end, c.end);
    else out.push(c);
  }
  return out;
}

export { finite };
