// A Firefox profile for each test browser, copied from one that has started once. A fresh profile's first start
// builds Firefox's startup cache and first-run state: about 2.3 of the 5.8 CPU-seconds a launch took on the 2-core
// machine (1.3 s instead of 2.7 s to start), and the suites launch Firefox some 25 times side by side.
// The template is made once per Firefox build (its path and modification time name it), by whichever suite needs
// it first; a suite that loses the race to publish it throws its own away. Nothing of a test's state is in it: it is
// a profile Firefox started and closed with no add-on installed and no page opened.
import { cpSync, existsSync, mkdtempSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { bounded } from './ui-driver';

function templatePath(executable: string): string {
  const real = realpathSync(executable);
  const tag = `${real}-${Math.round(statSync(real).mtimeMs)}`.replace(/[^a-zA-Z0-9]+/g, '-');
  return join(tmpdir(), `moonlit-firefox-profile-${tag}`);
}

async function makeTemplate(executable: string, target: string): Promise<void> {
  const dir = mkdtempSync(`${target}.new-`);
  try {
    const browser = await bounded(
      'starting Firefox once for the profile template',
      puppeteer.launch({ browser: 'firefox', executablePath: executable, headless: true, userDataDir: dir }),
    );
    await bounded('closing the template Firefox', browser.close(), 15_000).catch(() => browser.process()?.kill('SIGKILL'));
    // Published whole or not at all: another suite may have done it meanwhile.
    renameSync(dir, target);
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A new profile directory for one launch, copied from the template (made first if need be), or undefined when no
 * template could be made (puppeteer then makes a fresh profile, as before). The caller removes it after closing.
 */
export async function warmProfile(executable: string): Promise<string | undefined> {
  const target = templatePath(executable);
  if (!existsSync(target)) await makeTemplate(executable, target);
  if (!existsSync(target)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'moonlit-firefox-run-'));
  // Lock files belong to the process that made the template, which is gone.
  cpSync(target, dir, { recursive: true, filter: (src) => !/(^|\/)(lock|\.parentlock)$/.test(src) });
  return dir;
}
