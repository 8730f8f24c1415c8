// The layers of ARCHITECTURE.md, checked by tests/unit/layers.test.ts on every `npm test`.
// Type-only imports count too where a layer must not know another at all; code that runs in
// pages may name the message types it sends (they are erased), but import nothing that runs.
// Paths are matched after any folder (`(^|/)`), so the rules' own test can check them on a fixture tree.
const AT = '(^|/)';
// Bare names too: packages with an exports map stay unresolved ('wxt/browser').
const EXTENSION_APIS = `(^(wxt/browser|wxt/utils/storage|webextension-polyfill|@wxt-dev/browser)|node_modules/(wxt/dist/(browser|utils/storage)|webextension-polyfill|@wxt-dev/browser)|${AT}utils/(storage|background|i18n)|${AT}entrypoints)`;

module.exports = {
  forbidden: [
    {
      name: 'kimi-knows-no-extension-context',
      comment: 'utils/kimi/ is the Kimi client: no worker, panel or UI code.',
      severity: 'error',
      from: { path: `${AT}utils/kimi/` },
      to: { path: `${AT}(utils/(background|panel|options)|components|entrypoints)/` },
    },
    {
      name: 'ui-reaches-worker-only-by-messages',
      comment: 'The panel, options page and components talk to the worker through typed messages, never its modules.',
      severity: 'error',
      from: { path: `${AT}(utils/(panel|options)|components)/` },
      to: { path: `${AT}utils/background/` },
    },
    {
      name: 'page-code-uses-no-extension-api',
      comment: 'utils/extract/ and utils/video/ run inside web pages: no extension API, no storage.',
      severity: 'error',
      from: { path: `${AT}utils/(extract|video)/` },
      to: { path: EXTENSION_APIS, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
  },
};
