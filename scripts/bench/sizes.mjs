// npm run bench:sizes — every entrypoint's gzipped size next to its budget, for the production build
// (.output/chrome-mv3, built first unless --no-build). The same budgets fail `npm test` (check-sizes.mjs).
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { budgetReport, budgetTable, entrypointSizes, kib } from './lib/sizes.mjs';

const argv = process.argv.slice(2);
const jsonAt = argv.indexOf('--json');
// npm run bench passes a private copy of the production build; alone, this builds it first.
const root = resolve(process.env.MOONLIT_BENCH_PROD_BUILD || '.output/chrome-mv3');
if (!process.env.MOONLIT_BENCH_PROD_BUILD && !argv.includes('--no-build')) execSync('npx wxt build', { stdio: ['ignore', 'ignore', 'inherit'] });

const budgets = budgetReport(root);
const entries = entrypointSizes(root);
const budgetOf = { 'side panel, first load': 'panel-first-load' };
const results = {
  bench: 'sizes',
  build: '.output/chrome-mv3',
  unit: 'bytes, gzip -9',
  entries: entries.map((e) => {
    const b = e.name.startsWith('content script')
      ? budgets.find((x) => x.id === 'content-script' && x.files.some((f) => e.files.some((g) => g.file === f.file)))
      : budgets.find((x) => x.id === budgetOf[e.name]);
    return { name: e.name, raw: e.raw, gzip: e.gzip, files: e.files.map((f) => f.file), budget: b?.budget ?? null, ok: b ? b.ok : null };
  }),
};
console.log(budgetTable(budgets));
for (const e of results.entries)
  console.log(`  ${e.name.padEnd(30)} ${kib(e.gzip).padStart(10)} gzip ${kib(e.raw).padStart(10)} raw${e.budget ? `  (budget ${kib(e.budget)})` : ''}`);
if (jsonAt >= 0) {
  mkdirSync(dirname(argv[jsonAt + 1]), { recursive: true });
  writeFileSync(argv[jsonAt + 1], JSON.stringify(results, null, 2));
}
