import fc from 'fast-check';
import { repeated } from './fuzz-setup';

// ---- Citation markers ----

const item = fc.tuple(fc.constantFrom('P', 'p'), fc.integer({ min: 0, max: 99999 })).map(([p, n]) => p + n);
const separator = fc.constantFrom(' ', ' ', '  ', ',', ', ', ' ,  ', ';', '、', '，', '\u3000', '\t');
const range = fc.tuple(item, fc.constantFrom('-', '–', '—', '~', ' - '), fc.integer({ min: 0, max: 99999 })).map(([a, dash, b]) => `${a}${dash}P${b}`);

/** `[P1 P2 … Pn` with n large and, most often, no closing bracket (or a wrong one): what made the regex blow up. */
export const markerRun = fc
  .record({
    open: fc.constantFrom('[', '【'),
    items: fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: item }, { weight: 1, arbitrary: range }), separator), { minLength: 24, maxLength: 80 }),
    end: fc.constantFrom('', '', '', ' x', ')', ']', '】', 'P', 'P1234567', ' [', '\n'),
  })
  .map(({ open, items, end }) => open + items.map(([i, s], k) => (k < items.length - 1 ? i + s : i)).join('') + end);

/** Marker runs among prose, other brackets and real markers, a few KB in all. */
export const markerText = repeated(
  fc.oneof(markerRun, fc.constantFrom('Some prose. ', '[P3]', '【P4】', '[P1, P2]', '[1]', '[[', ']]', '\n\n', 'array[0] ')),
  5,
  40,
);

/** Short marker-ish texts, for comparing with the old regex where it is still fast. */
export const shortMarkerText = repeated(fc.oneof(item, separator, fc.constantFrom('[', '【', ']', '】', '-', '–', 'x', ' ', 'P', '123456', '\n')), 0, 14);

// ---- Markdown ----

const word = fc.constantFrom('a', 'text', 'b c', '中文', 'x1');
const gap = fc.constantFrom('', ' ');

/** Quotes nested thousands deep: `>>>>… text`. */
export const deepQuotes = fc.tuple(fc.integer({ min: 1500, max: 6000 }), gap, word).map(([n, g, w]) => `${`>${g}`.repeat(n)} ${w}`);

/** Lists nested hundreds deep, each item one level further in. */
export const deepList = fc
  .tuple(fc.integer({ min: 150, max: 400 }), fc.constantFrom('- ', '* ', '+ ', '1. ', '9) '), word)
  .map(([n, marker, w]) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * marker.length)}${marker}${w}`).join('\n'));

/** Quotes and list markers mixed on one line: `> - > 1. > * …`. */
export const mixedNesting = fc
  .tuple(fc.array(fc.constantFrom('> ', '- ', '* ', '1. ', '>'), { minLength: 1000, maxLength: 4000 }), word)
  .map(([parts, w]) => parts.join('') + w);

/** Long runs of emphasis and brackets, mostly unclosed, in one paragraph. */
export const inlineRuns = repeated(
  fc.constantFrom('*a ', '**a ', '_a ', 'a_ ', '~~a ', '***', '[', '![', '](', '[a](', '`', '``a', '<a', '\\', '$', '$a ', '\\(', 'http://x.', ' '),
  3000,
  9000,
);

/** Nested emphasis, links and strikethrough, closed in mirror order, thousands deep. */
export const nestedInline = fc
  .tuple(
    fc.integer({ min: 1000, max: 5000 }),
    fc.constantFrom(['**a ', ' a**'], ['*a ', ' a*'], ['_a ', ' a_'], ['~~a ', ' a~~'], ['*_', '_*'], ['[', '](u)'], ['~~*', '*~~'], ['![', '](u)']),
  )
  .map(([n, [open, close]]) => open.repeat(n) + 'x' + close.repeat(n));

/** Many lines that open a display block or inline math that never closes. */
export const unclosedMath = repeated(fc.constantFrom('\\[\n', '$$\n', 'a\n', '# h\n', '\\( ', '$x ', '$$ '), 3000, 12000);

/** Deep TeX inside math delimiters: nested braces, \left…\right, \frac chains, \begin blocks. */
export const deepTex = fc
  .tuple(fc.integer({ min: 300, max: 3000 }), fc.constantFrom('braces', 'left', 'frac', 'fracs', 'sqrt', 'begin', 'sup'), fc.boolean())
  .map(([n, kind, display]) => {
    const body = {
      braces: '{'.repeat(n) + 'x' + '}'.repeat(n),
      left: '\\left('.repeat(n) + 'x' + '\\right)'.repeat(n),
      frac: '\\frac{'.repeat(n) + '1' + '}{2}'.repeat(n),
      fracs: '\\frac'.repeat(n) + '12'.repeat(n),
      sqrt: '\\sqrt{'.repeat(n) + 'x' + '}'.repeat(n),
      begin: '\\begin{matrix}'.repeat(n) + 'x' + '\\end{matrix}'.repeat(n),
      sup: 'x^{'.repeat(n) + 'y' + '}'.repeat(n),
    }[kind];
    return display ? `$$${body}$$` : `\\(${body}\\)`;
  });

/** Any of the hostile Markdown shapes, with ordinary text around it. */
export const hostileMarkdown = fc
  .tuple(
    fc.oneof(deepQuotes, deepList, mixedNesting, inlineRuns, nestedInline, unclosedMath, deepTex, markerText),
    fc.constantFrom('', 'Intro.\n\n', '# Title\n\n'),
    fc.constantFrom('', '\n\nAfter.', '\n\n- end'),
  )
  .map(([body, before, after]) => before + body + after);

// ---- Page and file text ----

/** A long unbroken line (PDF text without line breaks), with spaces, slug look-alikes, or marks. */
export const longLine = fc
  .tuple(
    fc.integer({ min: 60000, max: 200000 }),
    fc.constantFrom('a', ' ', '\t', '.', 'x.qxd ', '1/2/', '⊕', '[', '](', '<p', '<!--', '<script', '\u00ad'),
    fc.constantFrom('', 'x', '\n', ' 2/10/04', '-->', '>'),
  )
  .map(([n, unit, end]) => unit.repeat(Math.ceil(n / unit.length)) + end);
