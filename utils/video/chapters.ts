// Chapters written into a video's description, the way YouTube reads them: lines that start
// with a time, the first at 0:00, at least three, each later than the one before.
import { oneLine } from './cues';
import { readTime } from './timestamps';

export interface Chapter {
  start: number;
  title: string;
}

const MIN_CHAPTERS = 3;
/** Chapter titles are one line of prose; longer text is description, not a title. */
const MAX_TITLE = 200;

/** The chapters in `description`, or [] when it has none that qualify. Linear in the text. */
export function parseChapters(description: string, durationSeconds?: number): Chapter[] {
  const chapters: Chapter[] = [];
  for (const rawLine of description.split('\n')) {
    const line = rawLine.trimStart();
    let at = 0;
    // "▶ 0:00 Intro", "(0:00) Intro", "- 0:00 Intro"
    while (at < line.length && at < 3 && '([-–•▶*'.includes(line[at])) at++;
    while (line[at] === ' ') at++;
    const t = readTime(line, at);
    if (!t) continue;
    let rest = line.slice(t.end);
    if (rest.startsWith(')')) rest = rest.slice(1);
    const title = oneLine(rest.replace(/^[\s:：\-–—|]+/, '')).slice(0, MAX_TITLE);
    if (!title) continue;
    if (durationSeconds !== undefined && t.seconds > durationSeconds) continue;
    chapters.push({ start: t.seconds, title });
  }
  if (chapters.length < MIN_CHAPTERS || chapters[0].start !== 0) return [];
  for (let i = 1; i < chapters.length; i++) if (chapters[i].start <= chapters[i - 1].start) return [];
  return chapters;
}

/** The chapter a moment falls in (the last one starting at or before it). */
export function chapterAt(chapters: Chapter[], seconds: number): Chapter | undefined {
  let found: Chapter | undefined;
  for (const c of chapters) {
    if (c.start > seconds) break;
    found = c;
  }
  return found;
}
