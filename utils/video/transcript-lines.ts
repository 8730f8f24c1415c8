// The transcript lines around a cited moment, read back from the transcript text Kimi got
// (`[4:05] …` lines, transcript.ts), for the hover preview of a timestamp in an answer.
import { readTime } from './timestamps';

/** The passage line a moment falls in (the last one starting at or before it), without its time; or ''. */
export function transcriptLineAt(text: string, seconds: number): string {
  let best = '';
  let bestStart = -1;
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (text[at] === '[') {
      const t = readTime(text, at + 1);
      if (t && text[t.end] === ']') {
        if (t.seconds > seconds) break;
        if (t.seconds >= bestStart) {
          bestStart = t.seconds;
          best = text.slice(t.end + 1, end).trim();
        }
      }
    }
    at = end + 1;
  }
  return best;
}
