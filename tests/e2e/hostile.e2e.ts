// Hostile content end to end in Chromium and Firefox ESR: 265 payloads as model output in the real panel and as a
// page's title, text and selection run nothing and load nothing anywhere in Moonlit; page text reaches Kimi only as
// untrusted data (lib/hostile-cases.ts). SECURITY.md maps each promise to the test that proves it.
// Run: npx tsx --test tests/e2e/hostile.e2e.ts (after npm run build:e2e).
import { describe, it } from 'node:test';
import { HOSTILE_PAYLOADS } from '../unit/markdown/payloads';
import { hostileOutput, hostilePage, promptInjection } from './lib/hostile-cases';
import { useMoonlit } from './lib/moonlit';

for (const kind of ['chromium', 'firefox'] as const) {
  describe(`Moonlit against hostile content in ${kind === 'chromium' ? 'Chromium' : 'Firefox ESR'}`, () => {
    const m = useMoonlit(kind, { watched: true });

    it(`hostile model output: ${HOSTILE_PAYLOADS.length} payloads streamed into the real panel run no script and load nothing`, { timeout: 240_000 }, () =>
      hostileOutput(m()),
    );

    it('hostile page: payloads in the title, the text and a selection are read and sent, and run nowhere in Moonlit', { timeout: 240_000 }, () =>
      hostilePage(m()),
    );

    it('prompt injection: page text goes to Kimi only as untrusted data, $web_search is not offered, other tabs are not read', () => promptInjection(m()));
  });
}
