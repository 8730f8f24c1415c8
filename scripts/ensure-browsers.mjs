// Checks that the browsers the end-to-end tests drive are installed (Debian's chromium and firefox-esr).
// As root with CI=true it installs what is missing from apt; otherwise it says exactly what to install.
// Usage: node scripts/ensure-browsers.mjs [--demo]   (--demo: Chromium only)
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const demoOnly = process.argv.includes('--demo');
const needs = [
  { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  ...(demoOnly ? [] : [{ path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' }]),
];

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const missing = () => needs.filter((n) => !executable(n.path));

let lacking = missing();
if (lacking.length === 0) {
  for (const n of needs) console.log(`ok: ${n.path}`);
  process.exit(0);
}

const pkgs = lacking.map((n) => n.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && process.env.CI === 'true') {
  console.log(`Installing ${pkgs.join(' ')} from apt (CI, root)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...pkgs]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env, timeout: 15 * 60_000 });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
      process.exit(1);
    }
  }
  lacking = missing();
  if (lacking.length === 0) process.exit(0);
  console.error(`Still missing after apt-get install: ${lacking.map((n) => n.path).join(', ')}`);
  process.exit(1);
}

console.error(
  [
    '',
    `The end-to-end tests need ${pkgs.join(' and ')}, which ${pkgs.length > 1 ? 'are' : 'is'} not installed:`,
    ...lacking.map((n) => `  missing: ${n.path}`),
    '',
    'Install them with:',
    `  sudo apt-get install ${pkgs.join(' ')}`,
    '',
    'Or point the tests at your own binaries with CHROMIUM_PATH=… / FIREFOX_PATH=…',
    '(As root with CI=true, `npm test` installs them itself.)',
    '',
  ].join('\n'),
);
process.exit(1);
