// The demo: simulator + sample article + Chromium with the e2e build of Moonlit, set up through its options page.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSimulator, type Simulator } from '../../tests/simulator/server';
import { startFixtureServer, ARTICLE_TITLE, type FixtureServer } from '../../tests/e2e/lib/fixture-server';
import { CHROME_E2E_BUILD, launchChrome, type ChromeSession } from '../../tests/e2e/lib/launch-chrome';
import { openOptions, waitForStatus } from '../../tests/e2e/lib/options-flow';
import { waitForPanelPage } from '../../tests/e2e/lib/panel-flow';
import { ask, answerCount, waitForAnswerStatus } from '../../tests/e2e/lib/answers';
import { msg } from '../../tests/e2e/lib/messages';
import type { UiPage } from '../../tests/e2e/lib/ui-driver';

const SAMPLE_QUESTION = 'How much honey did the colony need for the winter?';
const SCREENSHOT = resolve('.output/demo-panel.png');

interface Args {
  smoke: boolean;
  build: boolean;
  port: number;
  minutes: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { smoke: false, build: true, port: 8787, minutes: 60 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--smoke') args.smoke = true;
    else if (a === '--no-build') args.build = false;
    else if (a === '--port') args.port = Number(argv[++i]);
    else if (a === '--minutes') args.minutes = Number(argv[++i]);
    else throw new Error(`unknown option ${a}. Options: --smoke, --no-build, --port N, --minutes N`);
  }
  return args;
}

function step(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit', timeout: 10 * 60_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** The simulator on the preferred port, or on any free one when that is taken. */
async function simulatorOn(port: number): Promise<Simulator> {
  try {
    return await startSimulator({ port });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    console.log(`Port ${port} is taken; using a free port for the simulator.`);
    return startSimulator();
  }
}

/** Fills in the options page the way a user would: key, Custom endpoint, Test connection, Save. */
async function configure(b: ChromeSession, sim: Simulator): Promise<void> {
  const options = await openOptions(b);
  await options.fill('API key', sim.key);
  await options.select('Platform', 'custom');
  await options.fill('Endpoint URL', sim.baseUrl);
  await options.click('Test connection');
  await waitForStatus(options, msg('optionsConnected', await modelCount(sim)));
  await options.click('Save');
  await waitForStatus(options, msg('optionsSaved'));
  await options.close();
}

async function modelCount(sim: Simulator): Promise<number> {
  const res = await fetch(`${sim.baseUrl}/models`, { headers: { authorization: `Bearer ${sim.key}` } });
  return ((await res.json()) as { data: unknown[] }).data.length;
}

/** Asks the sample question and waits for the whole answer; returns its text. */
async function askSample(panel: UiPage): Promise<string> {
  const index = await answerCount(panel);
  await ask(panel, SAMPLE_QUESTION);
  const answer = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped'], 30_000);
  if (answer.status !== 'done') throw new Error(`the sample answer ended as "${answer.status}": ${answer.text}`);
  if (!answer.text.includes(SAMPLE_QUESTION)) throw new Error(`the answer does not quote the question: ${answer.text.slice(0, 200)}`);
  return answer.text;
}

function untilClosedOrTimeout(b: ChromeSession, minutes: number): Promise<string> {
  return new Promise((done) => {
    const timer = setTimeout(() => done(`the demo's ${minutes}-minute limit was reached`), minutes * 60_000);
    const finish = (why: string) => {
      clearTimeout(timer);
      done(why);
    };
    b.context.on('close', () => finish('the browser was closed'));
    process.once('SIGINT', () => finish('Ctrl+C'));
    process.once('SIGTERM', () => finish('SIGTERM'));
  });
}

export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const headed = !args.smoke && !!process.env.DISPLAY;
  if (args.build) step('node_modules/.bin/wxt', ['build', '--mode', 'e2e']);
  if (!existsSync(resolve(CHROME_E2E_BUILD, 'manifest.json'))) throw new Error(`${CHROME_E2E_BUILD} is missing: run without --no-build`);
  step('node', ['scripts/ensure-browsers.mjs', '--demo']);

  let sim: Simulator | undefined;
  let site: FixtureServer | undefined;
  let b: ChromeSession | undefined;
  try {
    sim = await simulatorOn(args.port);
    site = await startFixtureServer();
    if (!args.smoke && !headed) {
      console.log('\nNo $DISPLAY here, so Chromium runs headless: the demo will ask one question and save a screenshot.');
    }
    b = await launchChrome({ headless: !headed });
    await configure(b, sim);
    const articleUrl = site.url('article.html');
    await b.open(articleUrl);
    const tabId = await b.tabIdOf(articleUrl);
    if (tabId === undefined) throw new Error('could not find the article tab');
    const panel = await b.open(`${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(panel, ARTICLE_TITLE);

    if (args.smoke) {
      const text = await askSample(panel);
      console.log(`Answer received (${text.length} characters). Demo smoke test OK`);
      return 0;
    }
    if (!headed) {
      await askSample(panel);
      await panel.screenshot(SCREENSHOT);
      console.log(`Screenshot of the panel after one question: ${SCREENSHOT}`);
      console.log('Run `npm run demo` on a desktop (with $DISPLAY set) to click through it yourself.');
      return 0;
    }
    console.log(
      [
        '',
        'Moonlit demo is running — no key and no network needed.',
        `  Kimi simulator:  ${sim.baseUrl}  (key ${sim.key}, already saved in Moonlit's settings)`,
        `  Sample article:  ${articleUrl}`,
        '',
        'In the Chromium window:',
        '  1. The last tab is the Moonlit panel, bound to the article tab.',
        '  2. Type a question in "Ask about this page" and press Send (or Enter): the answer streams in.',
        '  3. Click "Summarize this page" for a summary; press "Stop" while an answer streams to end it.',
        '  4. Or go to the article tab and click the Moonlit toolbar button (puzzle-piece menu → Moonlit)',
        '     to open the real side panel.',
        "  5. Settings: right-click the toolbar button → Options (or open the extension's options page).",
        '',
        `Close the browser or press Ctrl+C to stop (the demo stops by itself after ${args.minutes} minutes).`,
      ].join('\n'),
    );
    console.log(`\nStopping: ${await untilClosedOrTimeout(b, args.minutes)}.`);
    return 0;
  } catch (err) {
    console.error(`Demo failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await b?.close();
    await site?.close();
    await sim?.close();
  }
}
