// The whole end-to-end flow as node:test checks, shared by chrome.e2e.ts and firefox.e2e.ts.
// Each check names the checks it builds on; when one of those failed it fails at once saying so,
// instead of timing out on a half-set-up browser.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KEY, DEFAULT_MODELS, startSimulator, type ChatBehaviour, type Simulator } from '../../simulator/server';
import type { ExtensionBrowser } from './extension-browser';
import { ARTICLE_SENTENCE, ARTICLE_TITLE, startFixtureServer, type FixtureServer } from './fixture-server';
import { checkChatRequest, checkKeyNeverReachedPage, checkKeyOnlyInAuthorization, chatRequests } from './log-checks';
import { checkKeyToggle, chooseModelAndSave, modelOptions, openOptions, storedSettings, testConnection } from './options-flow';
import { checkStop, checkStreamedAnswer, checkSummarize, SCRIPTED_ANSWER, SLOW_ANSWER, waitForPanelPage } from './panel-flow';
import { checkSelectionAtSend } from './selection-flow';
import type { UiPage } from './ui-driver';

const QUESTION = 'How much honey did the rooftop colony need to get through the winter?';
const SLOW_QUESTION = 'Tell me everything about the hive, slowly please.';

/** Every chat answer behaves as `b` while `fn` runs (a default, not a queue: a failed check leaves nothing queued). */
async function withBehaviour(sim: Simulator, b: ChatBehaviour, fn: () => Promise<void>): Promise<void> {
  sim.setDefault(b);
  try {
    await fn();
  } finally {
    sim.setDefault({});
  }
}

export function defineScenario(browserName: string, launch: () => Promise<ExtensionBrowser>, checkId: (id: string) => void): void {
  describe(`Moonlit end to end in ${browserName}`, () => {
    let b: ExtensionBrowser | undefined;
    let sim: Simulator | undefined;
    let site: FixtureServer | undefined;
    let options: UiPage | undefined;
    let panel: UiPage | undefined;
    let article: UiPage | undefined;
    let model = '';
    const passed = new Set<string>();

    const check = (name: string, needs: string[], fn: () => Promise<void>) =>
      it(name, { timeout: 90_000 }, async () => {
        const missing = needs.filter((n) => !passed.has(n));
        if (missing.length) throw new Error(`not run: it needs "${missing.join('", "')}", which did not pass`);
        try {
          await fn();
          passed.add(name);
        } catch (err) {
          const shot = join(tmpdir(), `moonlit-e2e-${browserName.toLowerCase()}-${passed.size + 1}.png`);
          const page = panel ?? options;
          if (
            page &&
            (await page.screenshot(shot).then(
              () => true,
              () => false,
            ))
          )
            console.error(`  screenshot of the failure: ${shot}`);
          throw err;
        }
      });

    after(async () => {
      await b?.close();
      await site?.close();
      await sim?.close();
    });

    const LAUNCH = `${browserName} starts with the e2e build of Moonlit loaded`;
    check(LAUNCH, [], async () => {
      sim = await startSimulator();
      site = await startFixtureServer();
      b = await launch();
      checkId(b.extensionId);
    });

    const KEY = 'options: "API key" is a password field with "Show key" / "Hide key"';
    check(KEY, [LAUNCH], async () => {
      options = await openOptions(b!);
      await checkKeyToggle(options, DEFAULT_KEY);
    });

    const CONNECT = 'options: "Test connection" to the simulator reports how many models it has';
    check(CONNECT, [KEY], async () => {
      await testConnection(options!, sim!.baseUrl, DEFAULT_MODELS.length);
      const offered = await modelOptions(options!);
      assert.deepEqual([...offered].sort(), DEFAULT_MODELS.map((m) => m.id).sort(), '"Model" should list the simulator\'s models');
    });

    const SAVE = 'options: "Save" stores the endpoint and the chosen model, and the key is never shown again';
    check(SAVE, [CONNECT], async () => {
      const offered = await modelOptions(options!);
      model = offered.includes('moonshot-v1-128k') ? 'moonshot-v1-128k' : offered[0];
      await chooseModelAndSave(options!, model);
      const stored = (await storedSettings(options!)) as Record<string, unknown> | null;
      const { platform, customEndpoint, model: storedModel } = stored ?? {};
      assert.deepEqual({ platform, customEndpoint, model: storedModel }, { platform: 'custom', customEndpoint: sim!.baseUrl, model }, 'stored settings');
      await options!.close();
      options = await openOptions(b!);
      const html = await options.evaluate(
        () => document.documentElement.outerHTML + [...document.querySelectorAll('input')].map((i) => i.value).join(' '),
        null,
      );
      assert.ok(!html.includes(DEFAULT_KEY), 'the saved key should not appear anywhere on the reopened options page');
      // The key field is empty and only hints at the saved key by its last 4 characters.
      const field = await options.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('input[type="password"]');
        return input ? { value: input.value, placeholder: input.placeholder } : null;
      }, null);
      assert.equal(field?.value, '', 'the reopened key field should be empty');
      assert.ok(field.placeholder.includes(DEFAULT_KEY.slice(-4)), `the key field should hint at the saved key: "${field.placeholder}"`);
    });

    const PANEL = 'panel: sidepanel.html?tabId=N is bound to the article tab and shows its title';
    check(PANEL, [LAUNCH], async () => {
      const articleUrl = site!.url('article.html');
      article = await b!.open(articleUrl);
      const tabId = await b!.tabIdOf(articleUrl);
      assert.ok(typeof tabId === 'number', `the article's tab id could not be found through the tabs API`);
      panel = await b!.open(`${b!.origin}/sidepanel.html?tabId=${tabId}`);
      await waitForPanelPage(panel, ARTICLE_TITLE);
    });

    const STREAM = 'panel: an answer streams in chunk by chunk, rendered as Markdown, exactly as the simulator sent it';
    check(STREAM, [SAVE, PANEL], async () => {
      await withBehaviour(sim!, { content: SCRIPTED_ANSWER, chunkSize: 12, chunkDelayMs: 60 }, () => checkStreamedAnswer(panel!, QUESTION));
    });

    const REQUEST = "simulator: the chat request carried the page's text, the question and the chosen model";
    check(REQUEST, [STREAM], async () => {
      checkChatRequest(sim!.log, QUESTION, ARTICLE_SENTENCE, model);
    });

    const STOP = 'panel: "Stop" ends a slow answer; the partial text stays and no more text arrives';
    check(STOP, [SAVE, PANEL], async () => {
      await withBehaviour(sim!, { content: SLOW_ANSWER, chunkSize: 12, chunkDelayMs: 250 }, () => checkStop(panel!, SLOW_QUESTION, sim!));
    });

    const SUMMARY = 'panel: "Summarize this page" answers about the page';
    check(SUMMARY, [SAVE, PANEL], async () => {
      const before = chatRequests(sim!.log).length;
      await checkSummarize(panel!);
      const req = chatRequests(sim!.log)[before];
      assert.ok(req, 'Summarize should have sent a chat request');
      assert.ok(req.body.includes('eleven kilograms of stored honey'), 'the summary request should carry the page text');
    });

    const SELECTION = 'panel: a passage selected in the page after the question was typed is the one the question quotes';
    check(SELECTION, [STREAM], async () => {
      await withBehaviour(sim!, { content: 'Noted.', chunkSize: 4, chunkDelayMs: 5 }, () => checkSelectionAtSend(panel!, article!, sim!));
    });

    check('simulator: the key appeared only in the Authorization header, and never reached the page', [STREAM], async () => {
      checkKeyOnlyInAuthorization(sim!.log, DEFAULT_KEY);
      checkKeyNeverReachedPage(site!.requests, DEFAULT_KEY);
    });
  });
}
