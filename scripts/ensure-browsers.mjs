// Checks that what the end-to-end tests drive is installed: Debian's chromium and firefox-esr, and Xvfb and
// xdotool for the two tests that press a real shortcut key on a headed browser (tests/e2e/lib/xvfb.ts).
// As root (a fresh machine, a container, CI) it installs what is missing from apt, saying what and why, so the
// README's two commands are enough. Otherwise it says exactly what to install, and exits 1 if a browser is missing.
// CHROMIUM_PATH / FIREFOX_PATH point the tests at other binaries; those are checked, never installed over.
// Usage: node scripts/ensure-browsers.mjs [--demo]   (--demo: Chromium only)
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const demoOnly = process.argv.includes('--demo');

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (tool) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && executable(join(dir, tool)));

/** What the tests need: `optional` ones only cost the two shortcut tests, which say why they skip. */
const needs = [
  {
    what: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    pkg: process.env.CHROMIUM_PATH ? undefined : 'chromium',
    why: 'every Chromium end-to-end test and the demo',
    ok: () => executable(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  },
  ...(demoOnly
    ? []
    : [
        {
          what: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
          pkg: process.env.FIREFOX_PATH ? undefined : 'firefox-esr',
          why: 'the Firefox ESR end-to-end tests',
          ok: () => executable(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'),
        },
        { what: 'Xvfb', pkg: 'xvfb', why: 'a private X display for the real-key-press tests', ok: () => onPath('Xvfb'), optional: true },
        { what: 'xdotool', pkg: 'xdotool', why: 'real key presses on that display', ok: () => onPath('xdotool'), optional: true },
      ]),
];

const missing = () => needs.filter((n) => !n.ok());
let lacking = missing();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const installable = lacking.filter((n) => n.pkg);

if (isRoot && installable.length) {
  const pkgs = installable.map((n) => n.pkg);
  console.log(`Installing from Debian's apt, as root (${pkgs.length} package${pkgs.length > 1 ? 's' : ''}):`);
  for (const n of installable) console.log(`  ${n.pkg.padEnd(12)} for ${n.why}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...pkgs]]) {
    console.log(`$ apt-get ${args.join(' ')}`);
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env, timeout: 15 * 60_000 });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
      process.exit(1);
    }
  }
  lacking = missing();
}

for (const n of needs) if (!lacking.includes(n)) console.log(`ok: ${n.what}`);
if (lacking.length === 0) process.exit(0);

const fatal = lacking.filter((n) => !n.optional);
const pkgs = lacking.filter((n) => n.pkg).map((n) => n.pkg);
const overridden = lacking.filter((n) => !n.pkg);
console.error(
  [
    '',
    `${fatal.length ? 'The end-to-end tests need' : 'Two end-to-end tests need'} what is not installed here:`,
    ...lacking.map((n) => `  missing: ${n.what} (${n.why})`),
    '',
    ...(pkgs.length ? ['Install it with:', `  sudo apt-get install ${pkgs.join(' ')}`, ''] : []),
    ...(overridden.length ? [`Check the path you set (${overridden.map((n) => n.what).join(', ')}): it is not an executable file.`, ''] : []),
    'Or point the tests at your own browsers with CHROMIUM_PATH=… / FIREFOX_PATH=….',
    '(Run as root, `npm test` installs the missing packages itself.)',
    ...(fatal.length ? [] : ['', 'Without them those two tests are skipped and say so; under CI=true they fail.']),
    '',
  ].join('\n'),
);
process.exit(fatal.length ? 1 : 0);
