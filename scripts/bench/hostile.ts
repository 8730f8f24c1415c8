// npm run bench:hostile — how the text scanners that read page, file and model text scale on the
// hostile inputs of the fuzz suite (tests/unit/fuzz): unclosed citation runs, unclosed HTML comments
// and scripts, link brackets, PDF-slug look-alikes. Baseline, in the same run: the same function on
// ordinary prose of the same size. Reported per function: time at each size, the growth exponent
// (1 = linear, 2 = quadratic) and the hostile / prose ratio at the largest size.
import { findMarkers, withoutMarkers } from '../../utils/citations/markers';
import { plainWords } from '../../utils/citations/plain-words';
import { cleanPageText } from '../../utils/documents/clean-text';
import { htmlToText } from '../../utils/documents/html-text';
import { trimLineEnds } from '../../utils/text/line-ends';
import { splitIntoParts } from '../../utils/panel/parts';
import { proseText } from './lib/article';
import { linearity, ratio, sample, summarize } from './lib/stats';
import { log, runs, writeResults } from './lib/cli';

const SIZES = [50_000, 100_000, 200_000, 400_000];
const N = runs(5);

const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const CASES: { name: string; run: (s: string) => unknown; hostile: (n: number) => string }[] = [
  { name: 'findMarkers (unclosed [P1 P2 … runs)', run: (s) => [...findMarkers(s)].length, hostile: (n) => fill(`[${'P12 '.repeat(60)}x `, n) },
  { name: 'withoutMarkers (unclosed [P1 P2 … runs)', run: withoutMarkers, hostile: (n) => fill(`【${'P7, '.repeat(60)}`, n) },
  { name: 'plainWords (link brackets without end)', run: plainWords, hostile: (n) => fill('[a](', n) },
  { name: 'cleanPageText (slug look-alikes)', run: cleanPageText, hostile: (n) => fill('x.qxd 1/2/', n) },
  { name: 'htmlToText (unclosed comments)', run: htmlToText, hostile: (n) => fill('<!--', n) },
  { name: 'htmlToText (unclosed scripts)', run: htmlToText, hostile: (n) => fill('<script ', n) },
  { name: 'htmlToText (tags without end)', run: htmlToText, hostile: (n) => fill('<p', n) },
  { name: 'trimLineEnds (lines of spaces and tabs)', run: trimLineEnds, hostile: (n) => fill(`${' \t'.repeat(2000)}\nx`, n) },
  { name: 'splitIntoParts (one unbroken line)', run: (s) => splitIntoParts(s, 2000), hostile: (n) => fill('a', n) },
];

function time(f: () => unknown): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

const results = [];
for (const c of CASES) {
  const rows = [];
  for (const size of SIZES) {
    const hostileText = c.hostile(size);
    const prose = proseText(size).slice(0, size);
    const ours = summarize(await sample(N, () => time(() => c.run(hostileText))));
    const base = summarize(await sample(N, () => time(() => c.run(prose))));
    rows.push({ size, ours, base, ratio: ratio(ours.median, base.median) });
  }
  const growth = linearity(rows.map((r) => ({ size: r.size, time: Math.max(r.ours.median, 0.01) })));
  const last = rows[rows.length - 1];
  log(
    `${c.name}: ${rows.map((r) => `${r.size / 1000}K ${r.ours.median} ms`).join(', ')} · exponent ${growth.exponent} (${growth.verdict}) · ×${last.ratio} of prose at ${last.size / 1000}K`,
  );
  results.push({ name: c.name, rows, linearity: growth });
}
writeResults('hostile', { sizes: SIZES, runs: N, cases: results });
