import fc from 'fast-check';

/**
 * Reproducible runs: a fixed seed unless MOONLIT_FUZZ_SEED is set (a failure prints the seed and
 * path to replay), and a fixed number of inputs per property unless MOONLIT_FUZZ_RUNS is set.
 */
export const SEED = Number(process.env.MOONLIT_FUZZ_SEED ?? 20261207);
export const RUNS = Number(process.env.MOONLIT_FUZZ_RUNS ?? 12);

/**
 * A whole property's test timeout, only as a guard against a hang: speed is never asserted here
 * (a busy machine would fail it). How the scanners scale on these inputs is measured by
 * `npm run bench:hostile`, as ratios against a linear baseline in the same run, and
 * tests/unit/security/regex-safety.test.ts checks statically that no pattern in the product can
 * backtrack super-linearly.
 */
export const TEST_TIMEOUT = 600_000;

export function check<T>(arb: fc.Arbitrary<T>, predicate: (value: T) => void, runs = RUNS): void {
  fc.assert(fc.property(arb, predicate), { seed: SEED, numRuns: runs, endOnFailure: true });
}

/** `count` copies of what `part` generates, each drawn anew, joined. */
export function repeated(part: fc.Arbitrary<string>, min: number, max: number, sep = ''): fc.Arbitrary<string> {
  return fc.array(part, { minLength: min, maxLength: max }).map((parts) => parts.join(sep));
}
