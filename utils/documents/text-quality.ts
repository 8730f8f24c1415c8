/** How much of the extracted text is real text, and whether the PDF needs text recognition. */

/** U+FFFD, private-use code points and C0/C1 controls: what a broken font mapping produces. */
const BAD = /[\ufffd\ue000-\uf8ff\u{f0000}-\u{10ffff}\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu;

/** A page with fewer usable characters than this has no text layer to speak of. */
export const MIN_PAGE_CHARS = 8;

export function countChars(text: string): { good: number; bad: number } {
  const visible = text.replace(/\s+/g, '');
  const bad = visible.match(BAD)?.length ?? 0;
  // Code points, not UTF-16 units: a CJK extension character is one character.
  let total = visible.length;
  for (let i = 0; i < visible.length; i++) if (visible.charCodeAt(i) >= 0xdc00 && visible.charCodeAt(i) <= 0xdfff) total--;
  return { good: total - bad, bad };
}

export interface Quality {
  usableTextRatio: number;
  emptyPages: number[];
  needsOcr: boolean;
}

export function assessPages(pages: readonly string[]): Quality {
  let good = 0;
  let bad = 0;
  const emptyPages: number[] = [];
  pages.forEach((p, i) => {
    const c = countChars(p);
    good += c.good;
    bad += c.bad;
    // Fonts without a Unicode map often come out as runs of ASCII punctuation: a page of that is no text.
    const letters = p.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
    if (c.good < MIN_PAGE_CHARS || letters < c.good * 0.3) emptyPages.push(i + 1);
  });
  const usableTextRatio = good + bad ? good / (good + bad) : 0;
  // Scanned: most pages without text. Garbled: most characters unmapped.
  const needsOcr = pages.length > 0 && (good === 0 || usableTextRatio < 0.6 || emptyPages.length > pages.length / 2);
  return { usableTextRatio: Math.round(usableTextRatio * 1000) / 1000, emptyPages, needsOcr };
}
