// Unit test files that run with a module cache of their own (vitest.config.ts): `vi.mock` replaces a module only
// where it is first imported after the mock, so in a cache shared with other files it could find the real one
// already loaded, or leave its mock to the files after it. tests/unit/isolation.test.ts checks this list.
export const ISOLATED_FILES = [
  'tests/unit/components/panel/cost-line.test.tsx',
  'tests/unit/components/panel/page-reading.test.tsx',
  'tests/unit/components/panel/tab-conversation-hook.test.tsx',
  'tests/unit/markdown/error-boundary.test.tsx',
];
