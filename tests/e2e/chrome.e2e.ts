// End to end in Debian Chromium (playwright-core) with .output/chrome-mv3-e2e.
// Run: npm run test:e2e:chrome (after npm run build:e2e).
import assert from 'node:assert/strict';
import { launchChrome } from './lib/launch-chrome';
import { defineScenario } from './lib/scenario';

defineScenario(
  'Chromium',
  () => launchChrome(),
  (id) => {
    assert.match(id, /^[a-p]{32}$/, `"${id}" is not a Chromium extension id`);
  },
);
