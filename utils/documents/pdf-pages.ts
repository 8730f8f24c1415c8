/** A PDF's text as Moonlit sends it: each page opened by a "--- Page N ---" marker line (no pdf.js here). */
export const pageMarker = (n: number) => `--- Page ${n} ---`;

/** Pages' texts (index 0 = page 1) as one text, each page opened by its marker. */
export const joinPages = (pages: readonly string[]): string => pages.map((p, i) => (p ? `${pageMarker(i + 1)}\n${p}` : pageMarker(i + 1))).join('\n\n');

/** "3, 7–9": page numbers as ranges, for a sentence. */
export function pageRanges(pages: readonly number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j;
  }
  return out.join(', ');
}
