// End to end in Debian Firefox ESR (puppeteer-core over WebDriver BiDi) with .output/firefox-mv2-e2e.
// Run: npm run test:e2e:firefox (after npm run build:e2e).
import assert from 'node:assert/strict';
import { FIREFOX_ID } from '../../utils/manifest';
import { launchFirefox } from './lib/launch-firefox';
import { defineScenario } from './lib/scenario';

defineScenario(
  'Firefox',
  () => launchFirefox(),
  (id) => {
    assert.equal(id, FIREFOX_ID, 'the temporary add-on should install under the id in the manifest');
  },
);
