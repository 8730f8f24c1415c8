/**
 * Trimming spaces at line ends by a scan. The obvious `/[ \t]+\n/g` is quadratic on a long
 * run of spaces that is not followed by a line break (every start re-reads the run), and
 * page, file and PDF text can hold such runs.
 */
export function trimLineEnds(text: string, chars = ' \t', starts = false): string {
  const lines = text.split('\n');
  const last = lines.length - 1;
  return lines
    .map((line, i) => {
      let from = 0;
      let to = line.length;
      if (i < last) while (to > 0 && chars.includes(line[to - 1])) to--;
      if (starts && i > 0) while (from < to && chars.includes(line[from])) from++;
      return from === 0 && to === line.length ? line : line.slice(from, to);
    })
    .join('\n');
}
