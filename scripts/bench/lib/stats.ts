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
export interface Summary { n: number; median: number; p95: number; min: number; max: number }

export function summarize(xs: number[]): Summary {
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: xs.length, median: r(median(xs)), p95: r(percentile(xs, 95)), min: r(Math.min(...xs)), max: r(Math.max(...xs)) };
}

/** "12.3 ms (p95 15.1)" style. */
export const fmtMs = (s: Summary, digits = 1) => `${s.median.toFixed(digits)} ms (p95 ${s.p95.toFixed(digits)})`;

export const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

/**
 * Whether time grows linearly with size: time per unit at each size, and the ratio of the largest
 * size's per-unit cost to the smallest's. Near 1 = linear; clearly above 1 = superlinear.
 */
export function linearity(points: { size: number; time: number }[]) {
  const per = points.map((p) => ({ size: p.size, perUnit: p.time / p.size }));
  const first = per[0].perUnit;
  const last = per[per.length - 1].perUnit;
  const r = Math.round((last / first) * 100) / 100;
  const verdict = r <= 1.5 ? 'linear' : r <= 3 ? 'slightly superlinear' : 'superlinear';
  return { perUnit: per, ratio: r, verdict };
}

/** Runs `fn` `n` times (after `warmup` unmeasured runs) and returns its durations. */
export async function sample(n: number, fn: (i: number) => Promise<number> | number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}
