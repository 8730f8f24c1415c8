// Security end to end: the key stays home and only Moonlit's pages can start a Kimi request. Chromium
// (playwright-core) and Firefox ESR (puppeteer-core). Hostile content is in hostile.e2e.ts. SECURITY.md maps each
// promise to the test that proves it.
// Run: npx tsx --test tests/e2e/security.e2e.ts (after npm run build and npm run build:e2e).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { Simulator } from '../simulator/server';
import { requestsBesideMarker, warmPanel } from './lib/barrier';
import { ask, waitForAnswerStatus } from './lib/answers';
import { openRaw, currentWorker, type RawPage } from './lib/chrome-pages';
import { chromeProbeExpression, firefoxProbeCode, type ProbeReport } from './lib/content-world-probe';
import type { FixtureServer } from './lib/fixture-server';
import { trapState } from './lib/hostile';
import type { ChromeSession } from './lib/launch-chrome';
import type { FirefoxSession } from './lib/launch-firefox';
import { keyLeaks, SECRET_KEY } from './lib/moonlit-setup';
import { useMoonlit } from './lib/moonlit';
import { waitForPanelPage } from './lib/panel-flow';
import { checkProbe } from './lib/probe-checks';
import { waitFor } from './lib/ui-driver';

describe('Moonlit security in Chromium', () => {
  const m = useMoonlit('chromium', { watched: true });
  let sim: Simulator;
  let site: FixtureServer;
  let b: ChromeSession;
  let dialogs: string[] = [];
  let outside: string[] = [];
  before(() => void ({ sim, site, b, dialogs, outside } = m()));

  it('production manifests: no externally_connectable, no web_accessible_resources, no content_scripts, default CSP, only the Kimi hosts', () => {
    const chrome = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as Record<string, unknown>;
    const firefox = JSON.parse(readFileSync('.output/firefox-mv2/manifest.json', 'utf8')) as Record<string, unknown>;
    const kimi = ['https://api.moonshot.ai/*', 'https://api.moonshot.cn/*'];
    for (const [name, m] of [
      ['chrome-mv3', chrome],
      ['firefox-mv2', firefox],
    ] as const) {
      assert.equal(m.externally_connectable, undefined, `${name}: no web page or extension may connect`);
      assert.equal(m.web_accessible_resources, undefined, `${name}: no file of Moonlit should be reachable from pages`);
      assert.deepEqual((m.content_scripts as unknown[] | undefined) ?? [], [], `${name}: no content script is declared`);
      assert.equal(m.content_security_policy, undefined, `${name}: the browser's default CSP (no eval, no remote code) applies`);
      const perms = (m.permissions as string[]).filter((p) => !p.includes('://'));
      const hosts = name === 'chrome-mv3' ? (m.host_permissions as string[]) : (m.permissions as string[]).filter((p) => p.includes('://'));
      assert.deepEqual([...hosts].sort(), kimi, `${name}: host permissions are exactly the two Kimi hosts`);
      const allowed = ['activeTab', 'scripting', 'storage', 'contextMenus', 'sidePanel'];
      assert.deepEqual(
        perms.filter((p) => !allowed.includes(p)),
        [],
        `${name}: no permission beyond ${allowed.join(', ')}`,
      );
      const optional = ((m.optional_host_permissions ?? m.optional_permissions) as string[]).filter((p) => p.includes('://'));
      // "Add tabs" may ask to see the window's tabs (titles and addresses); nothing else is optional.
      const others = ((m.optional_permissions ?? []) as string[]).filter((p) => !p.includes('://'));
      assert.deepEqual(others, ['tabs'], `${name}: the only optional API permission is "tabs", asked by "Add tabs"`);
      // Chrome also offers local files (file:// PDFs), optional too; Firefox extension pages can't fetch file:// at all.
      const expected = name === 'chrome-mv3' ? ['file:///*', 'http://*/*', 'https://*/*'] : ['http://*/*', 'https://*/*'];
      assert.deepEqual([...optional].sort(), expected, `${name}: hosts beyond Kimi are optional, asked at run time`);
    }
    // Every page loads only its own packaged files: no remote script or style.
    for (const page of ['sidepanel.html', 'options.html']) {
      const html = readFileSync(`.output/chrome-mv3/${page}`, 'utf8');
      const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(refs.length > 0, `${page} should load its scripts`);
      for (const ref of refs) assert.ok(ref.startsWith('/') || ref.startsWith('./'), `${page} loads ${ref} from outside the package`);
    }
  });

  it('the key is in the extension origin IndexedDB (positive control for the probes below)', async () => {
    const options = await openRaw(b.context, `${b.origin}/options.html`);
    const stored = await options.ui.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('moonlit-secrets');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const key = await new Promise<unknown>((res, rej) => {
        const r = db.transaction('secrets', 'readonly').objectStore('secrets').get('apiKey');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      db.close();
      return key;
    }, null);
    assert.equal(stored, SECRET_KEY, "Moonlit's own pages should find the saved key where secret-store.ts keeps it");
    await options.page.close();
  });

  it('content-script world of a page: no storage area, no IndexedDB, no message and no port yields the key or a Kimi request', async () => {
    const url = site.url('article.html?probe');
    const tab = await openRaw(b.context, url);
    const tabId = await b.tabIdOf(url);
    assert.ok(typeof tabId === 'number', 'the probed tab should have an id');
    // The panel that asks after the probe has asked once already, so what a first question adds (the balance check)
    // is not counted against the probe.
    const marker = await warmPanel(m(), site.url('article.html?after-probe'));
    const logBefore = sim.log.length;
    const worker = await currentWorker(b.context);
    const json = (await worker.evaluate(chromeProbeExpression(tabId))) as string;
    const report = JSON.parse(json) as ProbeReport;
    checkProbe(report, json, { sessionDenied: true, filesClosed: true });
    // A request the probe had wrongly started would reach the simulator before a question asked after it.
    assert.deepEqual(await requestsBesideMarker(sim, logBefore, marker, 'Asked after the probe.'), [], 'the content script made Moonlit call the API');
    await tab.page.close();
  });

  it('no reply or port message to the panel or the options page ever contains the key', async () => {
    const url = site.url('article.html?replies');
    await openRaw(b.context, url);
    const tabId = await b.tabIdOf(url);
    const panel: RawPage = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(panel.ui, 'Tending a Rooftop Beehive Through the Winter');
    sim.script({ content: 'A short answer about honey.' });
    await ask(panel.ui, 'How much honey?');
    const done = await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped']);
    assert.equal(done.status, 'done', `the answer ended as ${done.status}: ${done.text}`);
    const seen = await trapState(panel.ui);
    assert.ok(seen.installed, 'the reply spy should be installed in the panel');
    assert.ok(seen.replies.length >= 3, `the panel should have received an extraction reply and port messages (${seen.replies.length})`);
    assert.deepEqual(keyLeaks(seen.replies.join('\n')), [], 'a reply to the panel contained the key');

    const options = await openRaw(b.context, `${b.origin}/options.html`);
    await options.page.getByRole('button', { name: 'Test connection', exact: true }).click();
    await waitFor('the options page to receive the test-connection reply', async () => (await trapState(options.ui)).replies.length > 0);
    const optionsSeen = await trapState(options.ui);
    assert.ok(
      optionsSeen.replies.some((r) => r.includes('"models"')),
      `the test-connection reply should list models: ${optionsSeen.replies[0]?.slice(0, 200)}`,
    );
    assert.deepEqual(keyLeaks(optionsSeen.replies.join('\n')), [], 'a reply to the options page contained the key');
    const html = await options.page.content();
    assert.deepEqual(keyLeaks(html), [], 'the options page shows the saved key');
    await options.page.close();
    assert.deepEqual(dialogs, [], 'no dialog should open');
    assert.deepEqual(outside, [], 'no request should leave loopback');
  });
});

describe('Moonlit security in Firefox ESR', () => {
  const m = useMoonlit('firefox');
  let sim: Simulator;
  let site: FixtureServer;
  let b: FirefoxSession;
  before(() => void ({ sim, site, b } = m()));

  it('content-script world of a page: no storage area, no IndexedDB, no message and no port yields the key or a Kimi request', {
    timeout: 90_000,
  }, async () => {
    const url = site.url('article.html?probe');
    await b.open(url);
    const tabId = await b.tabIdOf(url);
    assert.ok(typeof tabId === 'number', 'the probed tab should have an id');
    const helper = await b.open(`${b.origin}/options.html`);
    const marker = await warmPanel(m(), site.url('article.html?after-probe'));
    const logBefore = sim.log.length;
    const json = await helper.evaluate(
      async ([id, code]: [number, string]) => {
        const api = (globalThis as unknown as { browser: { tabs: { executeScript(id: number, d: { code: string }): Promise<unknown[]> } } }).browser;
        const [result] = await api.tabs.executeScript(id, { code });
        return String(result);
      },
      [tabId, firefoxProbeCode(tabId)] as [number, string],
    );
    const report = JSON.parse(json) as ProbeReport;
    // Firefox lets its content scripts read the add-on's own packaged files (no secret is in a file); storage.session
    // is not even exposed to them. The key checks are the same.
    checkProbe(report, json, { sessionDenied: true, filesClosed: false });
    assert.deepEqual(await requestsBesideMarker(sim, logBefore, marker, 'Asked after the probe.'), [], 'the content script made Moonlit call the API');
    console.log(
      `  Firefox content script: storage.session ${report.areas.session.ok ? 'readable (no secret in it)' : `denied (${report.areas.session.error})`}; own files: ${report.extensionFetch}`,
    );
  });
});
