// What the model is asked when a page is summarised in parts (model-read wording, so it stays in code).

/** Notes on one part; kept short so that all the notes fit in one final request. */
export function partQuestion(k: number, n: number, question: string, words: number): string {
  const lines = [
    `This is part ${k} of ${n} of a page too long to read at once; the page content above is only this part.`,
    `Summarise part ${k} of ${n} as concise notes for a later answer about the whole page: its main points, facts, figures, names and conclusions, as a short bulleted list of at most about ${words} words.`,
    'Use only what this part says. Write the notes in the language of the page.',
  ];
  if (question.trim()) lines.push(`Keep especially anything that helps answer this request: "${question.trim()}"`);
  return lines.join('\n');
}

/** The final request: the notes stand in for the page; the user's request (or the default summary) follows. */
export function combineQuestion(n: number, request: string): string {
  return [
    `The page was too long to read at once, so it was read in ${n} parts; the page content above is the notes taken on each part, in page order.`,
    'Using those notes, answer as if you had read the whole page, without mentioning the parts or the notes. Write in the language of the request below.',
    '',
    request,
  ].join('\n');
}

/** The heading of one part's notes inside the combined text. */
export const notesHeading = (k: number, n: number) => `## Notes on part ${k} of ${n}`;
