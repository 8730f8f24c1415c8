// `npm test`: every check the project has. Steps start as soon as what they need is done (the builds need nothing,
// the end-to-end suites need the test build, the lint the production build), so the unit tests, the builds and the
// browsers' waiting overlap on two cores. The first failure stops the run. Ends with one line `N passed, M failed`
// counting unit tests, end-to-end checks, size budgets, the lint and the demo smoke run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_SLOTS } from './test-lanes.mjs';

// Every path below is relative to the repository root, wherever `npm test` was started from.
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const scratch = mkdtempSync(join(tmpdir(), 'moonlit-test-'));
const vitestJson = join(scratch, 'vitest.json');
// The slow faults run in every `npm test`: they wait on the simulator, not the machine, beside the other suites.
const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', MOONLIT_E2E_SLOW: '1' };

// Each step runs in its own process group, so a step that overruns (or Ctrl+C) takes its browsers down with it.
const running = new Map();

/** Every process below `pid` (Linux /proc): browsers start in process groups of their own, so the group is not enough. */
function descendants(pid) {
  const children = new Map();
  for (const entry of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The parent id is the 2nd field after the command name, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const out = [];
  for (let todo = [pid]; todo.length; ) {
    const next = children.get(todo.pop()) ?? [];
    out.push(...next);
    todo.push(...next);
  }
  return out;
}

const kill = (child) => {
  for (const pid of descendants(child.pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
};
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    for (const child of running.values()) kill(child);
    console.log(`\nInterrupted (${sig}).\n0 passed, 1 failed`);
    process.exit(130);
  });
}

/** Runs a command, keeping its output to print in one piece when it ends. Bounded: killed after `minutes`. */
function run(step) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    running.set(step, child);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      out += `\n!! ${step.name} ran over ${step.minutes} minutes; stopping it.\n`;
      kill(child);
    }, step.minutes * 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(step);
      resolve({ ok: code === 0, code: code ?? signal, out });
    });
  });
}

/** Counts from node:test's spec summary ("ℹ pass 9" / "ℹ fail 0") or TAP ("# pass 9"): the last one printed. */
function nodeTestCounts(out) {
  const num = (word) => Number([...out.matchAll(new RegExp(`^(?:ℹ|#) ${word} (\\d+)$`, 'gm'))].at(-1)?.[1] ?? NaN);
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

const one = (r) => ({ passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1 });

// Biome checks the lint rules always; the formatting too once the tree has been formatted (`npm run format`) and
// this is switched on. Until then a formatting difference would fail every run.
const CHECK_FORMAT = true;
const biome = CHECK_FORMAT ? ['check', '.'] : ['lint', '.'];
const e2eFiles = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.e2e.ts'))
  .map((f) => `tests/e2e/${f}`)
  .sort();

const steps = [
  { name: 'Typecheck (tsc --noEmit)', cmd: 'node_modules/.bin/tsc', args: ['--noEmit'], minutes: 5, count: one },
  { name: `Biome (${CHECK_FORMAT ? 'lint and format' : 'lint'})`, cmd: 'node_modules/.bin/biome', args: biome, minutes: 2, count: one },
  {
    name: 'Unit tests (vitest run)',
    cmd: 'node_modules/.bin/vitest',
    // Two workers, not Vitest's default of one on two cores: beside the browsers one worker gets too little CPU.
    args: ['run', '--maxWorkers=2', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    minutes: 20,
    count: () => vitestCounts(),
  },
  { name: 'Browsers for the end-to-end tests', id: 'browsers', cmd: 'node', args: ['scripts/ensure-browsers.mjs'], minutes: 20 },
  { name: 'Test build (npm run build:e2e)', id: 'build:e2e', cmd: 'npm', args: ['run', 'build:e2e'], minutes: 5 },
  // After the test build, not beside it: two builds at once only fight over the same two cores.
  { name: 'Production build (npm run build)', id: 'build', needs: ['build:e2e'], cmd: 'npm', args: ['run', 'build'], minutes: 5 },
  {
    name: 'Size budgets of the production build',
    needs: ['build'],
    cmd: 'node',
    args: ['scripts/check-sizes.mjs'],
    minutes: 1,
    count: (r) => sizeCounts(r.out),
  },
  { name: 'web-ext lint on the production Firefox build', needs: ['build'], cmd: 'node', args: ['scripts/lint-firefox.mjs'], minutes: 3, count: one },
  // Every tests/e2e/*.e2e.ts in a few lanes, one test process each, longest first (scripts/e2e-pool.mjs, scripts/test-lanes.mjs).
  {
    name: `End to end (${e2eFiles.length} files, ${E2E_SLOTS} lanes)`,
    needs: ['build:e2e', 'browsers'],
    cmd: 'node',
    args: ['scripts/e2e-pool.mjs', ...e2eFiles],
    minutes: 20,
    count: (r) => nodeTestCounts(r.out),
  },
  {
    name: 'Demo smoke run (npm run demo -- --smoke)',
    needs: ['build:e2e', 'browsers'],
    cmd: 'node',
    args: ['scripts/demo.mjs', '--smoke', '--no-build'],
    minutes: 5,
    count: one,
  },
];

let passed = 0;
let failed = 0;
let stoppedAt;
const done = new Set();
const started = Date.now();
const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const times = [];

/** Runs one step, prints its output and counts, and returns whether it passed. */
async function runStep(step) {
  const t0 = Date.now();
  console.log(`--- start: ${step.name} (at ${since(started)})`);
  const result = await run(step);
  const counted = step.count ? step.count(result) : { passed: 0, failed: 0 };
  // A step that failed without a countable test failure still counts as one failure.
  if (!Number.isFinite(counted.passed) || !Number.isFinite(counted.failed)) {
    counted.passed = 0;
    counted.failed = result.ok ? 0 : 1;
    if (result.ok && step.count) {
      result.out += `\n!! ${step.name} passed but printed no test counts; treating that as a failure.\n`;
      counted.failed = 1;
      result.ok = false;
    }
  }
  if (!result.ok && counted.failed === 0) counted.failed = 1;
  if (stoppedAt && !result.ok && result.code === 'SIGKILL') return false; // cancelled by another step's failure
  passed += counted.passed;
  failed += counted.failed;
  times.push([since(t0), step.name]);
  console.log(`\n=== ${step.name} ===\n${result.out.trimEnd()}`);
  console.log(`=== ${result.ok ? 'ok' : `FAILED (exit ${result.code})`}: ${step.name} (${since(t0)}) ===`);
  return result.ok;
}

// Start every step whose needs are met; on the first failure start nothing more and stop what is running.
await new Promise((resolve) => {
  const waiting = new Set(steps);
  const pump = () => {
    if (stoppedAt) {
      for (const child of running.values()) kill(child);
    } else {
      for (const step of [...waiting]) {
        if (!(step.needs ?? []).every((id) => done.has(id))) continue;
        waiting.delete(step);
        void runStep(step).then((ok) => {
          if (ok) done.add(step.id ?? step.name);
          else stoppedAt ??= step.name;
          pump();
        });
      }
    }
    if (running.size === 0 && (stoppedAt || waiting.size === 0)) resolve();
  };
  pump();
});

rmSync(scratch, { recursive: true, force: true });
console.log('\nStep times (they overlap):');
for (const [t, name] of times) console.log(`  ${t.padStart(8)}  ${name}`);
console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
if (stoppedAt) console.log(`Stopped at: ${stoppedAt}. Steps still running were stopped, later ones did not run.`);
if (!stoppedAt && passed === 0) {
  console.log('No test ran at all: that is a failure, not a pass.');
  failed = Math.max(failed, 1);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(stoppedAt || failed > 0 ? 1 : 0);
