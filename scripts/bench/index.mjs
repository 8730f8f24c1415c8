// npm run bench — every benchmark, one after another (never in parallel, so they don't disturb each
// other), then bench/results.json and bench/results.md. Contract for each bench script: it accepts
// `--json <file>` and writes its results there; a script that doesn't yet has its printed output kept.
// Options: --only sizes,first-token,scaling,tabs,extract,render,pdf,hostile · --no-build (use the builds in .output/, or the
// private copies named by MOONLIT_BENCH_PROD_BUILD and MOONLIT_BENCH_E2E_BUILD)
// · --report-only (rewrite results.md and README-performance.md from results.json).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { resultsMarkdown } from './lib/report.mjs';
import { readmeSection } from './lib/readme-section.mjs';

const repo = resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1].split(',') : null;
const scripts = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts ?? {};
const tmp = mkdtempSync(join(tmpdir(), 'moonlit-bench-all-'));

// Ours first, then the other benches when package.json has them.
const BENCHES = [
  { name: 'sizes', cmd: 'node', args: ['scripts/bench/sizes.mjs'], minutes: 3 },
  { name: 'first-token', cmd: 'node_modules/.bin/tsx', args: ['scripts/bench/first-token.ts'], minutes: 15 },
  { name: 'scaling', cmd: 'node_modules/.bin/tsx', args: ['scripts/bench/scaling.ts'], minutes: 30 },
  { name: 'tabs', cmd: 'node_modules/.bin/tsx', args: ['scripts/bench/tabs.ts'], minutes: 15 },
  ...['extract', 'render', 'pdf', 'hostile']
    .filter((n) => scripts[`bench:${n}`])
    .map((n) => ({ name: n, cmd: 'npm', args: ['run', '--silent', `bench:${n}`, '--'], minutes: 30 })),
].filter((b) => !only || only.includes(b.name));

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAtStart: loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium: /([\d.]+)/.exec(sh('/usr/bin/chromium', ['--version']))?.[1] ?? 'unknown',
  };
}

/** A private copy of a build, so another `wxt build` in this tree can't replace it mid-bench. */
function snapshot(dir) {
  const from = join(repo, '.output', dir);
  for (let i = 0; i < 20; i++) {
    if (existsSync(join(from, 'manifest.json'))) {
      const to = join(tmp, dir);
      rmSync(to, { recursive: true, force: true });
      cpSync(from, to, { recursive: true });
      if (existsSync(join(to, 'manifest.json'))) return to;
    }
    execFileSync('sleep', ['1']);
  }
  throw new Error(`no build in .output/${dir}`);
}

function run(b, env) {
  const json = join(tmp, `${b.name}.json`);
  const args = [...b.args, '--json', json];
  return new Promise((done) => {
    const t0 = Date.now();
    const child = spawn(b.cmd, args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      process.stderr.write(d);
    });
    const timer = setTimeout(() => {
      console.error(`!! ${b.name} ran over ${b.minutes} minutes; stopping it.`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, b.minutes * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      let results;
      try {
        results = JSON.parse(readFileSync(json, 'utf8'));
      } catch {
        /* no --json support */
      }
      done({
        ok: code === 0,
        exitCode: code,
        seconds: Math.round((Date.now() - t0) / 1000),
        command: `${b.cmd.replace('node_modules/.bin/', '')} ${b.args.join(' ')}`.trim(),
        results,
        stdout: results ? undefined : stdout.slice(-20_000),
        stderrTail: code === 0 ? undefined : stderr.slice(-3000),
      });
    });
  });
}

function writeReports(all) {
  mkdirSync(join(repo, 'bench'), { recursive: true });
  writeFileSync(join(repo, 'bench/results.json'), JSON.stringify(all, null, 2) + '\n');
  writeFileSync(join(repo, 'bench/results.md'), resultsMarkdown(all));
  writeFileSync(join(repo, 'bench/README-performance.md'), readmeSection(all));
  console.log('\nWrote bench/results.md, bench/results.json and bench/README-performance.md.');
}

if (argv.includes('--report-only')) {
  rmSync(tmp, { recursive: true, force: true });
  writeReports(JSON.parse(readFileSync(join(repo, 'bench/results.json'), 'utf8')));
  process.exit(0);
}

const all = {
  date: new Date().toISOString(),
  commit: `${sh('git', ['rev-parse', '--short', 'HEAD']) || 'unknown'}${sh('git', ['status', '--porcelain']) ? ' (with uncommitted changes)' : ''}`,
  machine: machine(),
  benches: {},
};
try {
  if (!argv.includes('--no-build')) {
    console.log('Building (npm run build, npm run build:e2e)…');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('npm', ['run', '--silent', 'build:e2e'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const env = {
    ...process.env,
    FORCE_COLOR: '0',
    // Private copies given by the caller (e.g. taken under a build lock) are used as they are.
    MOONLIT_BENCH_PROD_BUILD: process.env.MOONLIT_BENCH_PROD_BUILD || snapshot('chrome-mv3'),
    MOONLIT_BENCH_E2E_BUILD: process.env.MOONLIT_BENCH_E2E_BUILD || snapshot('chrome-mv3-e2e'),
  };
  for (const b of BENCHES) {
    console.log(`\n=== bench: ${b.name} ===`);
    const date = new Date().toISOString();
    const loadAtStart = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    const ran = await run(b, env);
    // Per bench: with --only, benches of different runs (and loads) sit side by side.
    all.benches[b.name] = {
      date,
      load: {
        atStart: loadAtStart,
        atEnd: loadavg()
          .map((l) => l.toFixed(2))
          .join(' '),
      },
      ...ran,
    };
    console.log(`=== ${all.benches[b.name].ok ? 'done' : 'FAILED'}: ${b.name} (${all.benches[b.name].seconds} s) ===`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
// With --only, the other benches keep their last figures (each entry says when it ran).
if (only && existsSync(join(repo, 'bench/results.json'))) {
  try {
    const prevAll = JSON.parse(readFileSync(join(repo, 'bench/results.json'), 'utf8'));
    const prev = Object.entries(prevAll.benches ?? {}).map(([k, v]) => [k, { ...v, date: v.date ?? prevAll.date }]);
    all.benches = { ...Object.fromEntries(prev), ...all.benches };
  } catch {
    /* unreadable: write only this run */
  }
}
writeReports(all);
process.exit(BENCHES.every((b) => all.benches[b.name]?.ok) ? 0 : 1);
