// The bench scripts' shared contract: `--json <file>` writes the results there (npm run bench collects them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function jsonTarget(argv = process.argv.slice(2)): string | undefined {
  const i = argv.indexOf('--json');
  return i >= 0 ? argv[i + 1] : undefined;
}

export function writeResults(name: string, results: unknown): void {
  const file = jsonTarget();
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ bench: name, ...(results as object) }, null, 2));
}

/** Number of measured runs: BENCH_RUNS overrides the default (e.g. for a quick try). */
export const runs = (fallback: number): number => Number(process.env.BENCH_RUNS ?? fallback);

export const log = (...parts: unknown[]): void => void process.stderr.write(parts.join(' ') + '\n');
