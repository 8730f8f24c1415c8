// `web-ext lint` on the PRODUCTION Firefox build: fails on any error, prints every warning and notice.
// Usage: node scripts/lint-firefox.mjs [dir]   (default .output/firefox-mv2; run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.output/firefox-mv2');
const manifestPath = join(dir, 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`lint: ${manifestPath} is missing. Run \`npm run build\` first.`);
  process.exit(1);
}
// Linting a test build would hide what reviewers of the real add-on see.
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const loopback = (manifest.permissions ?? []).filter((p) => /127\.0\.0\.1|localhost/.test(p));
if (loopback.length) {
  console.error(`lint: ${dir} is a test build (it asks for ${loopback.join(', ')}). Lint the production build.`);
  process.exit(1);
}

const bin = resolve('node_modules/.bin/web-ext');
const run = spawnSync(bin, ['lint', '--source-dir', dir, '--no-input', '--output', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`lint: web-ext printed no JSON report (exit ${run.status}).\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
const { errors = [], warnings = [], notices = [] } = report;
for (const [kind, list] of [
  ['error', errors],
  ['warning', warnings],
  ['notice', notices],
]) {
  for (const m of list) console.log(`  ${kind}: ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`);
}
console.log(`web-ext lint ${dir}: ${errors.length} errors, ${warnings.length} warnings, ${notices.length} notices`);
process.exit(errors.length === 0 ? 0 : 1);
