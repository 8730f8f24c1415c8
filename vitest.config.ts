import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/simulator/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    restoreMocks: true,
    // Tests wait on events and states; these bounds only catch a hang, so a busy 2-core machine must not reach them.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
