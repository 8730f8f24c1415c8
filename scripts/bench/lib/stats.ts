// Small statistics for benchmark samples (ms unless said otherwise).

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** Nearest-rank percentile (p in 0..100) of the samples. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** { n, median, p95, min, max } rounded to 0.01. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(xs: number[]): Summary {
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: xs.length, median: r(median(xs)), p95: r(percentile(xs, 95)), min: r(Math.min(...xs)), max: r(Math.max(...xs)) };
}

/** "12.3 ms (p95 15.1)" style. */
export const fmtMs = (s: Summary, digits = 1) => `${s.median.toFixed(digits)} ms (p95 ${s.p95.toFixed(digits)})`;

export const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

/**
 * Whether cost grows linearly with size: the exponent b of a least-squares fit cost ∝ size^b on
 * log-log axes (1 = linear, 2 = quadratic), and the cost per unit at each size.
 */
export function linearity(points: { size: number; time: number }[]) {
  const pts = points.filter((p) => p.size > 0 && p.time > 0);
  const per = pts.map((p) => ({ size: p.size, perUnit: p.time / p.size }));
  const xs = pts.map((p) => Math.log(p.size));
  const ys = pts.map((p) => Math.log(p.time));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  const exponent = Math.round((num / den) * 100) / 100;
  const verdict = exponent < 0.85 ? 'sublinear' : exponent <= 1.15 ? 'linear' : exponent <= 1.4 ? 'slightly superlinear' : 'superlinear';
  const perUnitRatio = Math.round((per[per.length - 1].perUnit / per[0].perUnit) * 100) / 100;
  return { exponent, verdict, perUnitRatio, perUnit: per };
}

/** Runs `fn` `n` times (after `warmup` unmeasured runs) and returns its durations. */
export async function sample(n: number, fn: (i: number) => Promise<number> | number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}
