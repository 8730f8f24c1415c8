// The bench:extract table: F1 and time per page for each extractor, per corpus.
import { writeFileSync } from 'node:fs';
import { f1Interval, match, metrics } from './extract-shingles.mjs';

const quantile = (xs, q) => {
  const s = [...xs].filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] : NaN;
};
/** Link targets are for the model, not article text: scored without them. */
const withoutLinkTargets = (md) => md.replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1');

/** Prints the tables and returns the same figures for bench/results.json: per corpus, per extractor. */
export function report(results) {
  const summary = { unit: 'ms per page; F1 of 4-token shingles against the corpus truth', corpora: {} };
  for (const set of [...new Set(results.map((r) => r.set))]) {
    const rows = results.filter((r) => r.set === set);
    const names = Object.keys(rows[0].runs);
    const variants = [
      ...names.map((n) => ({ label: n, name: n, text: (r) => r.runs[n].text })),
      { label: 'moonlit (link URLs kept)', name: 'moonlit', text: (r) => r.runs.moonlit.text, raw: true },
    ];
    const rdMedian = quantile(
      rows.map((r) => r.runs.readability.ms),
      0.5,
    );
    console.log(`\n${set} (${rows.length} pages)\n`);
    console.log('| extractor | F1 | precision | recall | median ms | p95 ms | median time / Readability |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    const extractors = {};
    for (const v of variants) {
      const triples = rows.map((r) => match(r.truth, v.raw ? v.text(r) : withoutLinkTargets(v.text(r))));
      const m = metrics(triples);
      const times = rows.map((r) => r.runs[v.name].ms);
      const med = quantile(times, 0.5);
      const timeCols = v.raw ? '| (same) | (same) | (same) |' : `| ${med.toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${(med / rdMedian).toFixed(2)} |`;
      console.log(`| ${v.label} | ${m.f1.toFixed(3)} ± ${f1Interval(triples).toFixed(3)} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} ${timeCols}`);
      const r3 = (x) => Math.round(x * 1000) / 1000;
      extractors[v.label] = {
        f1: r3(m.f1),
        f1Interval: r3(f1Interval(triples)),
        precision: r3(m.precision),
        recall: r3(m.recall),
        ...(v.raw
          ? {}
          : {
              ms: { n: times.length, median: r3(med), p95: r3(quantile(times, 0.95)), min: r3(Math.min(...times)), max: r3(Math.max(...times)) },
              ratioToReadability: r3(med / rdMedian),
            }),
      };
    }
    const ratios = rows.map((r) => r.runs.moonlit.ms / r.runs.readability.ms);
    const sum = (n) => rows.reduce((a, r) => a + r.runs[n].ms, 0);
    console.log(
      `\nMoonlit / Readability time: median per-page ratio ${quantile(ratios, 0.5).toFixed(2)}, total ${(sum('moonlit') / sum('readability')).toFixed(2)}`,
    );
    summary.corpora[set] = {
      pages: rows.length,
      baseline: 'readability',
      extractors,
      moonlitVsReadability: {
        medianPerPageRatio: Math.round(quantile(ratios, 0.5) * 100) / 100,
        p95PerPageRatio: Math.round(quantile(ratios, 0.95) * 100) / 100,
        totalRatio: Math.round((sum('moonlit') / sum('readability')) * 100) / 100,
      },
    };
  }
  if (process.env.BENCH_DUMP) {
    const perPage = results.map((r) => ({
      set: r.set,
      id: r.id,
      ...Object.fromEntries(
        Object.entries(r.runs).map(([n, run]) => [n, { f1: pageF1(r.truth, n === 'moonlit' ? withoutLinkTargets(run.text) : run.text), ms: run.ms }]),
      ),
    }));
    writeFileSync(process.env.BENCH_DUMP, JSON.stringify({ perPage, results }, null, 1));
    console.log(`\nper-page results written to ${process.env.BENCH_DUMP}`);
  }
  return summary;
}

function pageF1(truth, text) {
  const [tp, fp, fn] = match(truth, text);
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}
