// YouTube's timed text as XML, in its two shapes: the old `<transcript><text start="1.2" dur="3">`
// (seconds) and format 3, `<timedtext><body><p t="1200" d="3000">` (milliseconds, words in `<s>`).
import { CaptionFormatError, MAX_CUES, tidyCues, type Cue } from './cues';

const num = (s: string | null): number => (s === null || s.trim() === '' ? NaN : Number(s));

/** `&amp;#39;` survives one XML decoding as `&#39;`: the old format escapes its text twice. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) break;
    out += text.slice(i, amp);
    const semi = text.indexOf(';', amp);
    const name = semi > amp && semi - amp <= 10 ? text.slice(amp + 1, semi) : '';
    const ch = entity(name);
    if (ch === undefined) {
      out += '&';
      i = amp + 1;
    } else {
      out += ch;
      i = semi + 1;
    }
  }
  return out + text.slice(i);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function entity(name: string): string | undefined {
  if (Object.hasOwn(NAMED, name)) return NAMED[name];
  const code = name.startsWith('#x') || name.startsWith('#X') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? Number(name.slice(1)) : NaN;
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : undefined;
}

/** The cues of a timed-text XML body; `parser` is the page's DOMParser (or a test's). */
export function parseTimedTextXml(xml: string, parser: DOMParser): Cue[] {
  const doc = parser.parseFromString(xml, 'text/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new CaptionFormatError('timedtext', 'not well-formed XML');
  const root = doc.documentElement?.nodeName;
  const cues: Cue[] = [];
  if (root === 'transcript') {
    const items = doc.getElementsByTagName('text');
    if (items.length > MAX_CUES) throw new CaptionFormatError('timedtext', 'too many lines');
    for (const el of Array.from(items)) {
      const start = num(el.getAttribute('start'));
      const dur = num(el.getAttribute('dur'));
      if (!Number.isFinite(start)) throw new CaptionFormatError('timedtext', 'a line without a start time');
      cues.push({ start, end: start + (Number.isFinite(dur) ? dur : 0), text: decodeEntities(el.textContent ?? '') });
    }
  } else if (root === 'timedtext') {
    const items = doc.getElementsByTagName('p');
    if (items.length > MAX_CUES) throw new CaptionFormatError('timedtext', 'too many lines');
    for (const el of Array.from(items)) {
      const t = num(el.getAttribute('t'));
      const d = num(el.getAttribute('d'));
      if (!Number.isFinite(t)) throw new CaptionFormatError('timedtext', 'a line without a start time');
      cues.push({ start: t / 1000, end: (t + (Number.isFinite(d) ? d : 0)) / 1000, text: el.textContent ?? '' });
    }
  } else {
    throw new CaptionFormatError('timedtext', `unknown root element <${root ?? ''}>`);
  }
  return tidyCues(cues);
}
