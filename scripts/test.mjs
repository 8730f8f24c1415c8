// `npm test`: every check the project has, in order, stopping at the first failure.
// Ends with one line `N passed, M failed` counting unit tests, end-to-end checks, the lint and the demo smoke run.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every path below is relative to the repository root, wherever `npm test` was started from.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const scratch = mkdtempSync(join(tmpdir(), 'moonlit-test-'));
const vitestJson = join(scratch, 'vitest.json');
const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };

// Each step runs in its own process group, so a step that overruns (or Ctrl+C) takes its browsers down with it.
let current;
const killCurrent = () => {
  try { if (current) process.kill(-current.pid, 'SIGKILL'); } catch { /* already gone */ }
};
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    killCurrent();
    console.log(`\nInterrupted (${sig}).\n0 passed, 1 failed`);
    process.exit(130);
  });
}

/** Runs a command with its output shown live and kept for counting. Bounded: killed after `minutes`. */
function run(cmd, args, minutes) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    current = child;
    let out = '';
    const keep = (stream, sink) => stream.on('data', (d) => { out += d; sink.write(d); });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    const timer = setTimeout(() => {
      console.error(`\n!! ${cmd} ${args.join(' ')} ran over ${minutes} minutes; stopping it.`);
      killCurrent();
    }, minutes * 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve({ ok: code === 0, code: code ?? signal, out });
    });
  });
}

/** Counts from node:test's spec summary ("ℹ pass 9" / "ℹ fail 0") or TAP ("# pass 9"). */
function nodeTestCounts(out) {
  const num = (word) => Number(new RegExp(`^(?:ℹ|#) ${word} (\\d+)$`, 'm').exec(out)?.[1] ?? NaN);
  return { passed: num('pass'), failed: num('fail') + (num('cancelled') || 0) };
}

function vitestCounts() {
  try {
    const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests };
  } catch {
    return { passed: NaN, failed: NaN };
  }
}

/** check-sizes.mjs prints one "ok" or "OVER" line per budget: each budget counts as a test. */
function sizeCounts(out) {
  const passed = (out.match(/^ok {2}/gm) ?? []).length;
  const failed = (out.match(/^OVER/gm) ?? []).length;
  return passed + failed ? { passed, failed } : { passed: NaN, failed: NaN };
}

const MAIN_E2E = ['tests/e2e/chrome.e2e.ts', 'tests/e2e/firefox.e2e.ts'];
const otherE2e = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .map((f) => `tests/e2e/${f}`)
  .filter((f) => !MAIN_E2E.includes(f))
  .sort();

const one = (r) => ({ passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1 });
const tsx = ['node_modules/.bin/tsx', '--test', '--test-reporter=spec'];

const steps = [
  { name: 'Typecheck (tsc --noEmit)', cmd: 'node_modules/.bin/tsc', args: ['--noEmit'], minutes: 5, count: one },
  {
    name: 'Unit tests (vitest run)',
    cmd: 'node_modules/.bin/vitest',
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    minutes: 10,
    count: () => vitestCounts(),
  },
  { name: 'Browsers for the end-to-end tests', cmd: 'node', args: ['scripts/ensure-browsers.mjs'], minutes: 20 },
  { name: 'Test build (npm run build:e2e)', cmd: 'npm', args: ['run', 'build:e2e'], minutes: 5 },
  { name: 'Production build (npm run build)', cmd: 'npm', args: ['run', 'build'], minutes: 5 },
  { name: 'Size budgets of the production build', cmd: 'node', args: ['scripts/check-sizes.mjs'], minutes: 1, count: (r) => sizeCounts(r.out) },
  { name: 'End to end in Chromium', cmd: tsx[0], args: [...tsx.slice(1), 'tests/e2e/chrome.e2e.ts'], minutes: 10, count: (r) => nodeTestCounts(r.out) },
  { name: 'End to end in Firefox ESR', cmd: tsx[0], args: [...tsx.slice(1), 'tests/e2e/firefox.e2e.ts'], minutes: 10, count: (r) => nodeTestCounts(r.out) },
  // Any further suites (e.g. tests/e2e/security.e2e.ts) run here, one file at a time.
  ...(otherE2e.length
    ? [{ name: `More end-to-end suites (${otherE2e.join(', ')})`, cmd: tsx[0], args: [...tsx.slice(1), '--test-concurrency=1', ...otherE2e], minutes: 15, count: (r) => nodeTestCounts(r.out) }]
    : []),
  { name: 'web-ext lint on the production Firefox build', cmd: 'node', args: ['scripts/lint-firefox.mjs'], minutes: 3, count: one },
  { name: 'Demo smoke run (npm run demo -- --smoke)', cmd: 'node', args: ['scripts/demo.mjs', '--smoke', '--no-build'], minutes: 5, count: one },
];

let passed = 0;
let failed = 0;
let stoppedAt;
const started = Date.now();
for (const [i, step] of steps.entries()) {
  console.log(`\n=== [${i + 1}/${steps.length}] ${step.name} ===`);
  const t0 = Date.now();
  const result = await run(step.cmd, step.args, step.minutes);
  const counted = step.count ? step.count(result) : { passed: 0, failed: 0 };
  // A step that failed without a countable test failure still counts as one failure.
  if (!Number.isFinite(counted.passed) || !Number.isFinite(counted.failed)) {
    counted.passed = 0;
    counted.failed = result.ok ? 0 : 1;
    if (result.ok && step.count) {
      console.error(`!! ${step.name} passed but printed no test counts; treating that as a failure.`);
      counted.failed = 1;
      result.ok = false;
    }
  }
  if (!result.ok && counted.failed === 0) counted.failed = 1;
  passed += counted.passed;
  failed += counted.failed;
  console.log(`=== ${result.ok ? 'ok' : `FAILED (exit ${result.code})`}: ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s) ===`);
  if (!result.ok) {
    stoppedAt = step.name;
    break;
  }
}

rmSync(scratch, { recursive: true, force: true });
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (stoppedAt) console.log(`Stopped at: ${stoppedAt}. Later steps did not run.`);
if (!stoppedAt && passed === 0) {
  console.log('No test ran at all: that is a failure, not a pass.');
  failed = Math.max(failed, 1);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(stoppedAt || failed > 0 ? 1 : 0);
