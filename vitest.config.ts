import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/simulator/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // Bounds against a hang, not speed: `npm test` runs these beside the browsers on two cores, and a 100 MB upload
    // to the simulator alone can take longer than Vitest's default 5 s there.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
