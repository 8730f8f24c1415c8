// The Model control and the cost lines in the real panel against the simulator, in Chromium and Firefox ESR.
// Run: npx tsx --test --test-reporter=spec tests/e2e/model-cost.e2e.ts (after npm run build:e2e).
import { describe, it } from 'node:test';
import { useMoonlit, type BrowserKind } from './lib/moonlit';
import { checkCostLines, checkModelAndThinking } from './lib/model-cost-flow';

for (const kind of ['chromium', 'firefox'] as BrowserKind[]) {
  describe(`Model and cost in ${kind}`, () => {
    const m = useMoonlit(kind);
    it(
      "the Model control lists the account's models with their windows; model, thinking and effort reach the request; the choice stays with the conversation",
      { timeout: 120_000 },
      () => checkModelAndThinking(m()),
    );
    it(
      'the cost after each answer comes from the simulator\'s usage (cached tokens at the cached price), the running total adds them, the estimate before sending says what it can and "price unknown" otherwise',
      { timeout: 120_000 },
      () => checkCostLines(m()),
    );
  });
}
