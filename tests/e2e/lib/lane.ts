// One lane of scripts/e2e-pool.mjs: a test process that runs end-to-end files one after another, as the pool hands
// them out over IPC. One process for many files, not one each: starting `tsx` and loading the browser drivers cost
// about 1.5 CPU-seconds a file, and a process can keep a browser for the next file (kept-browsers.ts). node:test runs the
// top-level blocks one at a time in the order they were declared, so a file's blocks end before the next file's
// start; a block declared after them tells when they have.
// Run by the pool: node --import tsx --test-reporter=spec tests/e2e/lib/lane.ts
import { after, describe } from 'node:test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeKeptBrowsers, keepBrowsers } from './kept-browsers';

type FromPool = { file: string | null };

/** Sends `message` and waits for the pool's answer: the next file, or null when none is left. */
function ask(message: object): Promise<string | null> {
  return new Promise((answer) => {
    process.once('message', (m: FromPool) => answer(m.file));
    process.send?.(message);
  });
}

if (!process.send) throw new Error('lane.ts is run by scripts/e2e-pool.mjs, which hands it the files over IPC');

// Some suites point DISPLAY at their own Xvfb for the browsers they start: the next file gets the environment back.
const env = { ...process.env };
keepBrowsers();
let file = await ask({ ready: true });
while (file) {
  const started = Date.now();
  await import(pathToFileURL(resolve(file)).href);
  await new Promise<void>((ended) => describe(`(end of ${file})`, () => after(() => ended())));
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
  file = await ask({ done: file, seconds: (Date.now() - started) / 1000 });
}
await closeKeptBrowsers();
process.disconnect?.();
