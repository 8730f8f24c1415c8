/** One positioned run of text on a PDF page, in PDF units (y grows upwards). */
export interface PlacedText {
  str: string;
  x: number;
  y: number;
  w: number;
  /** Font size (height of the text box). */
  h: number;
}

/** A run of items on one baseline with no wide gap: a line, or a line's part within one column. */
export interface Fragment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  h: number;
}

/** The visible area of the page ([x0, y0, x1, y1]); anything outside it is a printer's mark. */
export type PageBox = [number, number, number, number];

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

export const isCjk = (ch: string | undefined): boolean => !!ch && CJK.test(ch);

/** Whether two pieces of text need a space between them when put side by side. */
export function needsSpace(left: string, right: string): boolean {
  const a = left.at(-1);
  const b = right[0];
  if (!a || !b || /\s/.test(a) || /\s/.test(b)) return false;
  return !(isCjk(a) || isCjk(b));
}
