// 4-token-shingle matching as in scrapinghub/article-extraction-benchmark's
// evaluate.py (reimplemented): \w+ tokens, multiset overlap, per-page
// tp/fp/fn normalised to sum 1, precision and recall averaged over pages,
// F1 from those two means.
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text, n = 4) {
  const tokens = (text || '').match(TOKEN) ?? [];
  const counts = new Map();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function match(truth, pred) {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const [k, c] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(tc, c);
    fp += Math.max(0, c - tc);
  }
  for (const [k, c] of t) fn += Math.max(0, c - (p.get(k) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export function metrics(triples) {
  const precision = mean(triples.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fp))));
  const recall = mean(triples.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp / (tp + fn))));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

/** 95% half-width of F1 by bootstrap over pages (seeded, so runs are comparable). */
export function f1Interval(triples, samples = 1000) {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const values = [];
  for (let s = 0; s < samples; s++) {
    const pick = triples.map(() => triples[Math.floor(rand() * triples.length)]);
    values.push(metrics(pick).f1);
  }
  const m = mean(values);
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1));
  return 1.96 * sd;
}
