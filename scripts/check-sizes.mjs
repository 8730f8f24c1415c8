// Size budgets of the production build (npm run build first). Exits 1 with a table when a budget is
// exceeded. One line per budget, "ok" or "OVER", so the test runner can count each budget as a test.
// Usage: node scripts/check-sizes.mjs [build dir, default .output/chrome-mv3]
import { resolve } from 'node:path';
import { budgetReport, budgetTable, kib } from './bench/lib/sizes.mjs';

const root = resolve(process.argv[2] ?? '.output/chrome-mv3');
let rows;
try {
  rows = budgetReport(root);
} catch (err) {
  console.error(`size budgets: ${err.message}`);
  process.exit(1);
}
console.log(`Size budgets (gzip -9, 1 KiB = 1024 bytes) of ${root}:`);
console.log(budgetTable(rows));
const over = rows.filter((r) => !r.ok);
for (const r of over) {
  console.error(`\n${r.label} is ${kib(r.gzip - r.budget)} over its ${kib(r.budget)} budget. Its files:`);
  for (const f of [...r.files].sort((a, b) => b.gzip - a.gzip)) console.error(`  ${kib(f.gzip).padStart(10)}  ${f.file}`);
}
console.log(`${rows.length - over.length} of ${rows.length} size budgets met`);
process.exit(over.length ? 1 : 0);
