// Runs end-to-end files a few at a time, each in its own `tsx --test` process: a free slot takes the next file,
// longest first (scripts/test-lanes.mjs), so no lane is left with the slow files while the others idle. Prints each
// file's output and time as it ends, then one node:test summary ("ℹ pass N", "ℹ fail M") that scripts/test.mjs
// counts. After a failure no new file starts; those running finish, and the exit code is 1.
// Run: node scripts/e2e-pool.mjs tests/e2e/a.e2e.ts tests/e2e/b.e2e.ts …
import { spawn } from 'node:child_process';
import { e2eOrder, E2E_SLOTS } from './test-lanes.mjs';

const files = e2eOrder(process.argv.slice(2));
const tsx = ['node_modules/.bin/tsx', '--test', '--test-reporter=spec', '--test-concurrency=1'];
const totals = { pass: 0, fail: 0, cancelled: 0, todo: 0, skipped: 0 };
const times = [];
let failed = false;

/** The summary numbers of one node:test run ("ℹ pass 9"); NaN when a run printed none (it crashed). */
const count = (out, word) => Number(new RegExp(`^ℹ ${word} (\\d+)$`, 'm').exec(out)?.[1] ?? Number.NaN);

function runFile(file) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(tsx[0], [...tsx.slice(1), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const seconds = (Date.now() - t0) / 1000;
      const numbers = Object.fromEntries(Object.keys(totals).map((w) => [w, count(out, w)]));
      const ok = code === 0 && Number.isFinite(numbers.pass);
      for (const [w, n] of Object.entries(numbers)) totals[w] += Number.isFinite(n) ? n : 0;
      // A file that failed without a counted failure (it crashed, or a hook threw) still counts as one.
      if (!ok && !(numbers.fail > 0 || numbers.cancelled > 0)) totals.fail++;
      failed ||= !ok;
      times.push([seconds, file]);
      console.log(`\n--- ${file} (${seconds.toFixed(1)} s, ${ok ? 'ok' : `FAILED, exit ${code}`}) ---\n${out.trimEnd()}`);
      resolve();
    });
  });
}

const queue = [...files];
await Promise.all(
  Array.from({ length: Math.min(E2E_SLOTS, queue.length) }, async () => {
    while (queue.length && !failed) await runFile(queue.shift());
  }),
);
console.log('\nEnd-to-end files by time (scripts/test-lanes.mjs orders them by these):');
for (const [s, f] of times.sort((a, b) => b[0] - a[0])) console.log(`${s.toFixed(1).padStart(7)} s  ${f}`);
if (queue.length) console.log(`Not started after the failure: ${queue.join(', ')}`);
for (const [w, n] of Object.entries(totals)) console.log(`ℹ ${w} ${n}`);
process.exit(failed ? 1 : 0);
