import fc from 'fast-check';
import { expect } from 'vitest';

/**
 * Reproducible runs: a fixed seed unless MOONLIT_FUZZ_SEED is set (a failure prints the seed and
 * path to replay), and a fixed number of inputs per property unless MOONLIT_FUZZ_RUNS is set.
 */
export const SEED = Number(process.env.MOONLIT_FUZZ_SEED ?? 20261207);
export const RUNS = Number(process.env.MOONLIT_FUZZ_RUNS ?? 12);

/**
 * Time allowed per input. Generous on purpose: it must hold on a busy 2-core machine, and it only
 * has to tell linear code (milliseconds to a few hundred) from the old exponential or quadratic
 * code, which took from tens of seconds to forever on inputs of these sizes.
 */
export const PER_INPUT_MS = 10_000;

/** A whole property's test timeout: every input at its bound, several functions per input. */
export const TEST_TIMEOUT = 600_000;

/** Runs `f` and checks it finished within the per-input bound. */
export function withinBound<T>(what: string, f: () => T): T {
  const start = performance.now();
  const value = f();
  const ms = performance.now() - start;
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(PER_INPUT_MS);
  return value;
}

export function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, runs = RUNS): void {
  fc.assert(fc.property(arb, predicate), { seed: SEED, numRuns: runs, endOnFailure: true });
}

/** `count` copies of what `part` generates, each drawn anew, joined. */
export function repeated(part: fc.Arbitrary<string>, min: number, max: number, sep = ''): fc.Arbitrary<string> {
  return fc.array(part, { minLength: min, maxLength: max }).map((parts) => parts.join(sep));
}
