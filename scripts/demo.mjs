// `npm run demo`: try Moonlit end to end with no key and no network (the Kimi simulator on loopback).
//   npm run demo                 build, then open Chromium with Moonlit set up and a sample article
//   npm run demo -- --smoke      the same, headless: ask one question, check the answer, print OK, exit
//   options: --no-build (use the existing .output/chrome-mv3-e2e), --port N (simulator port, default 8787)
// The work is in scripts/demo/run.ts; tsx's loader lets this plain script import the TypeScript helpers.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./demo/run.ts');
process.exitCode = await main(process.argv.slice(2));
