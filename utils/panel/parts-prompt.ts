// What the model is asked when a page is read in parts (model-read wording, so it stays in code, in English).

/** What a part with nothing on the question answers, exactly; such parts are left out of the final request. */
export const NOTHING_RELEVANT = 'NOTHING RELEVANT';

const KEEP_MARKERS =
  "Keep the passage markers (such as [P12]) or, in a video's transcript, the times (such as [4:05]) of what each note rests on right after it, exactly as written; never invent one.";

/**
 * Notes on one part, kept short so that all the notes fit in one final request. A summary keeps the part's
 * main points; a question keeps only what bears on it, or says there is nothing.
 */
export function partQuestion(k: number, n: number, question: string, words: number, summary: boolean, cite = false): string {
  const lines = [`This is part ${k} of ${n} of a page too long to read at once; the page content above is only this part.`];
  if (summary) {
    lines.push(
      `Summarise part ${k} of ${n} as concise notes for a later answer about the whole page: its main points, facts, figures, names and conclusions, as a short bulleted list of at most about ${words} words.`,
    );
  } else {
    lines.push(
      `Write concise notes on what in part ${k} of ${n} bears on the question below, for a later answer from all the parts: facts, figures, names, short quotes, and anything that qualifies or contradicts them, as a short bulleted list of at most about ${words} words.`,
      `If nothing in this part bears on the question, write only: ${NOTHING_RELEVANT}`,
    );
  }
  if (cite) lines.push(KEEP_MARKERS);
  lines.push('Use only what this part says. Write the notes in the language of the page.');
  const q = question.trim();
  if (q) lines.push(summary ? `Keep especially anything that helps answer this request: "${q}"` : `The question: "${q}"`);
  return lines.join('\n');
}

/** One stage of a reduce in stages: notes on several parts become shorter notes, still in page order. */
export function stageQuestion(first: number, last: number, n: number, question: string, words: number, cite = false): string {
  const lines = [
    `The page content above is notes taken on parts ${first} to ${last} of ${n} of a page too long to read at once; the notes on all parts are too long to read together.`,
    `Merge them into one shorter set of notes, in page order, as a bulleted list of at most about ${words} words, dropping repeats but no fact, figure or name.`,
  ];
  if (cite) lines.push(KEEP_MARKERS);
  const q = question.trim();
  if (q) lines.push(`Keep especially anything that helps answer this request: "${q}"`);
  return lines.join('\n');
}

/**
 * The final request: the notes stand in for the page; the user's request (or the default summary) follows.
 * `skipped`: parts whose notes said nothing bears on the question (left out of the notes).
 */
export function combineQuestion(n: number, request: string, skipped = 0): string {
  const lines = [`The page was too long to read at once, so it was read in ${n} parts; the page content above is the notes taken on each part, in page order.`];
  if (skipped === n)
    lines.push('No part of the page had anything bearing on the request: say so briefly, and mark clearly anything you add from general knowledge.');
  else if (skipped) lines.push(`${skipped} of the ${n} parts had nothing bearing on the request and are left out.`);
  lines.push(
    'Using those notes, answer as if you had read the whole page, without mentioning the parts or the notes. Write in the language of the request below.',
    '',
    request,
  );
  return lines.join('\n');
}

/** The heading of one part's notes (or a stage's, covering parts k to `last`) inside the combined text. */
export const notesHeading = (k: number, n: number, last = k) => (last > k ? `## Notes on parts ${k}–${last} of ${n}` : `## Notes on part ${k} of ${n}`);
