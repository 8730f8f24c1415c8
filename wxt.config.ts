import { defineConfig } from 'wxt';
import { buildManifest } from './utils/manifest';

// The manifest lives in utils/manifest.ts so a unit test can check the
// permissions of every build mode without running a build.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  // Every import is written out, so the layering test (tests/unit/layers.test.ts) sees all of them.
  imports: false,
  manifest: ({ browser, manifestVersion, mode }) => buildManifest({ browser, manifestVersion, mode }),
  // The extension's files are local: the modulepreload helper Vite adds for lazy chunks (2 KiB of the panel's first
  // load) buys nothing here.
  vite: () => ({ build: { modulePreload: false } }),
});
