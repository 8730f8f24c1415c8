// The layering rules of .dependency-cruiser.cjs, run by dependency-cruiser over the real import graph.
import { createRequire } from 'node:module';
import { cruise, type IForbiddenRuleType } from 'dependency-cruiser';
import { expect, test } from 'vitest';

const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as {
  forbidden: IForbiddenRuleType[];
  options: Record<string, unknown>;
};

async function violations(roots: string[]): Promise<string[]> {
  const result = await cruise(roots, { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser gave text, not a graph');
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

test('every layer imports only what it may', { timeout: 120_000 }, async () => {
  expect(await violations(['utils', 'components', 'entrypoints'])).toEqual([]);
});

test('the rules catch a violation of each kind', { timeout: 120_000 }, async () => {
  const found = await violations(['tests/unit/layers-fixture']);
  expect(found.map((v) => v.split(':')[0]).sort()).toEqual([
    'kimi-knows-no-extension-context',
    'page-code-uses-no-extension-api',
    'ui-reaches-worker-only-by-messages',
  ]);
});
