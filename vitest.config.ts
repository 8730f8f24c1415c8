import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { ISOLATED_FILES } from './tests/unit/isolated-files.ts';

const base = {
  setupFiles: ['tests/unit/setup.ts'],
  restoreMocks: true,
  // Tests wait on events and states; these bounds only catch a hang, so a busy 2-core machine must not reach them.
  testTimeout: 60_000,
  hookTimeout: 60_000,
  // expect.poll waits on a state like vi.waitFor (tests/unit/setup.ts): its 1 s default is too short beside the browsers.
  expect: { poll: { timeout: 30_000 } },
};

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      // Files share a worker's module cache and DOM: importing the set-up, Testing Library and the fake browser
      // again for each of ~190 files took longer than the tests did (363 s against 128 s for the suite). So a test
      // leaves globals as it found them (vi.spyOn, restored after each test; never vi.unstubAllGlobals, which
      // would take the fake browser away from the files after it), and the set-up empties the DOM after each file.
      {
        plugins: [WxtVitest()],
        test: {
          ...base,
          name: 'shared',
          isolate: false,
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/simulator/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ISOLATED_FILES],
        },
      },
      { plugins: [WxtVitest()], test: { ...base, name: 'isolated', include: ISOLATED_FILES } },
    ],
  },
});
