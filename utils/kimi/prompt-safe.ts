/**
 * Makes what a page, a file or a PDF controls safe to put in a prompt as data:
 * it can neither close the tags that wrap it nor start a line of its own in a
 * header. Hand-written scanners, not regular expressions: the input is hostile
 * and long, and every step here is linear in it.
 */

/** Every tag the prompts wrap untrusted data in. */
export const WRAPPER_TAGS = ['page_content', 'selection_context', 'selection', 'attachment', 'video_description', 'video_chapters'] as const;
export type WrapperTag = (typeof WRAPPER_TAGS)[number];

/** Longest one-line fields, in UTF-16 units: more is not a title or a name, only room to hide instructions in. */
export const FIELD_LIMITS = { title: 300, url: 2048, lang: 40, fileName: 255, toolName: 64 } as const;

/** What stands in for `<` in a defused tag: reads as an angle bracket, opens no tag. */
export const DEFUSED = '‹';
/** Ends a field cut to its limit, so the model (and the user reading the request) sees it was cut. */
export const CUT = '…';

/** Spaces and line breaks of every kind (the separators U+001C–U+001F and NEL too): a one-line field gets one space for a run of them. */
const SPACE = /[\s\u001c-\u001f\u0085]/u;
/** Shown as nothing, or not shown at all: controls, format characters (zero-width, bidi, soft hyphen, tag characters). */
const HIDDEN = /[\p{Cc}\p{Cf}]/u;

/** The length (1 or 2 code units) of the space, control or invisible character at `i`, or 0. Tested one character at a time: no backtracking. */
function fillerAt(text: string, i: number): number {
  const c = text.codePointAt(i);
  if (c === undefined) return 0;
  const ch = String.fromCodePoint(c);
  return SPACE.test(ch) || HIDDEN.test(ch) ? ch.length : 0;
}

const LONGEST = Math.max(...WRAPPER_TAGS.map((t) => t.length));

/** What opens a tag: `<`, its full-width form, and the HTML escapes of `<`. */
const OPENERS = ['<', '＜', '&lt;', '&#60;', '&#x3c;'];

function openerAt(text: string, at: number): number {
  for (const o of OPENERS) if (text.startsWith(o, at) || (o.length > 1 && text.slice(at, at + o.length).toLowerCase() === o)) return o.length;
  return 0;
}

/** Whether a wrapper tag's name follows `at`: spaces, invisible characters and one `/` are allowed before and inside it, `-` for `_`. */
function tagAt(text: string, at: number): boolean {
  let i = at;
  const skip = () => {
    for (let n = fillerAt(text, i); n; n = fillerAt(text, i)) i += n;
  };
  skip();
  if (text[i] === '/') i++;
  skip();
  // A name that starts like one of ours (`<selectionx` too, harmlessly), read in any case.
  let name = '';
  while (i < text.length && name.length < LONGEST) {
    const n = fillerAt(text, i);
    if (n) {
      i += n;
      continue;
    }
    const c = text.charCodeAt(i++);
    // `page-content` or `Page Content` may read as our tag too.
    name += c === 0x2d ? '_' : String.fromCharCode(c).toLowerCase();
    if (WRAPPER_TAGS.some((t) => t === name)) return true;
    if (!WRAPPER_TAGS.some((t) => t.startsWith(name))) return false;
  }
  return false;
}

/**
 * The text with every opening or closing wrapper tag defused, wherever it is: the `<` (or `＜`, `&lt;`…)
 * before a tag name becomes `‹`. Nothing else changes.
 */
export function defuseTags(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x3c && c !== 0xff1c && c !== 0x26) continue;
    const len = openerAt(text, i);
    if (!len || !tagAt(text, i + len)) continue;
    out += text.slice(from, i) + DEFUSED;
    from = i + len;
    i += len - 1;
  }
  return from ? out + text.slice(from) : text;
}

/** At most `max` UTF-16 units, ending in `…` when cut (or when `cut` says the text was already shortened); never splits a surrogate pair. */
export function bound(text: string, max: number, cut = false): string {
  if (!cut && text.length <= max) return text;
  let end = Math.min(text.length, max - CUT.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CUT;
}

/**
 * A field that must stay on its one line (a title, an address, a file name): every line break and run of
 * spaces becomes one space, control and invisible characters go, wrapper tags are defused, the length is bounded.
 */
export function oneLine(text: string, max: number): string {
  let out = '';
  let space = false;
  let i = 0;
  // Enough kept to fill the limit after defusing (which shortens `&#60;` at most to a fifth): a huge field is not scanned whole.
  while (i < text.length && out.length <= max * 5 + 8) {
    const c = text.codePointAt(i)!;
    const ch = String.fromCodePoint(c);
    i += ch.length;
    if (SPACE.test(ch)) space = out.length > 0;
    else if (!HIDDEN.test(ch)) {
      if (space) out += ' ';
      space = false;
      out += ch;
    }
  }
  return bound(defuseTags(out), max, i < text.length);
}

/** Data between its own tags, on lines of their own; the data cannot close them. */
export function wrap(tag: WrapperTag, text: string): string {
  return `<${tag}>\n${defuseTags(text)}\n</${tag}>`;
}
