// Runs the end-to-end files in a few lanes side by side (scripts/test-lanes.mjs says how many). Each lane is one test
// process (tests/e2e/lib/lane.ts) that asks for the next file when it has run one: longest first, so no lane is left
// with the slow files while the others idle. Prints each lane's output as it ends, the files by time, then one
// node:test summary ("ℹ pass N", "ℹ fail M") that scripts/test.mjs counts. After a lane reports a failure no lane
// is given a new file; the exit code is then 1.
// Run: node scripts/e2e-pool.mjs tests/e2e/a.e2e.ts tests/e2e/b.e2e.ts … (LANES=n for another number of lanes)
import { spawn } from 'node:child_process';
import { e2eOrder, E2E_SLOTS } from './test-lanes.mjs';

const files = e2eOrder(process.argv.slice(2));
const lane = ['--import', 'tsx', '--test-reporter=spec', 'tests/e2e/lib/lane.ts'];
const totals = { pass: 0, fail: 0, cancelled: 0, todo: 0, skipped: 0 };
const times = [];
let failed = false;

/** The summary numbers of one node:test run ("ℹ pass 9"); NaN when a run printed none (it crashed). */
const count = (out, word) => Number(new RegExp(`^ℹ ${word} (\\d+)$`, 'm').exec(out)?.[1] ?? Number.NaN);

const queue = [...files];
function runLane(n) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, lane, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const ran = [];
    let current;
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('message', (m) => {
      if (m.done) {
        times.push([m.seconds, m.done]);
        // The spec reporter marks a failed test or block "✖" (it may print it a little after the file ends).
        failed ||= /^\s*✖ /m.test(out);
      }
      current = !failed && queue.length ? queue.shift() : null;
      if (current) ran.push(current);
      child.send({ file: current });
    });
    child.on('close', (code) => {
      const numbers = Object.fromEntries(Object.keys(totals).map((w) => [w, count(out, w)]));
      const ok = code === 0 && Number.isFinite(numbers.pass);
      for (const [w, n] of Object.entries(numbers)) totals[w] += Number.isFinite(n) ? n : 0;
      // A lane that failed without a counted failure (it crashed, or a hook threw) still counts as one.
      if (!ok && !(numbers.fail > 0 || numbers.cancelled > 0)) totals.fail++;
      failed ||= !ok;
      const crashed = current && !times.some(([, f]) => f === current) ? ` while running ${current}` : '';
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`\n--- lane ${n} (${seconds} s, ${ok ? 'ok' : `FAILED, exit ${code}${crashed}`}): ${ran.join(', ')} ---\n${out.trimEnd()}`);
      resolve();
    });
  });
}

await Promise.all(Array.from({ length: Math.min(Number(process.env.LANES || E2E_SLOTS), queue.length) }, (_, i) => runLane(i + 1)));
console.log('\nEnd-to-end files by time (scripts/test-lanes.mjs orders them by these):');
for (const [s, f] of times.sort((a, b) => b[0] - a[0])) console.log(`${s.toFixed(1).padStart(7)} s  ${f}`);
if (queue.length) console.log(`Not started after the failure: ${queue.join(', ')}`);
for (const [w, n] of Object.entries(totals)) console.log(`ℹ ${w} ${n}`);
process.exit(failed ? 1 : 0);
