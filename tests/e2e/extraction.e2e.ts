// Reading pages end to end in Chromium: restricted pages, a selection, a single-page app that renders late
// (read again when the tab navigates), a same-origin iframe and an open shadow root, and a page too long for
// the model summarised in parts against the simulator, with a 429 in the middle.
// Site adapters are not covered here: they match real hostnames (github.com, wikipedia.org…), which a
// loopback page can't have; tests/unit/extract/sites/* cover them on fixtures.
// Run: npx tsx --test tests/e2e/extraction.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_KEY, DEFAULT_MODELS, startSimulator, type RecordedRequest, type Simulator } from '../simulator/server';
import { ask, waitForAnswerStatus, answerCount } from './lib/answers';
import { requestsBesideMarker } from './lib/barrier';
import { openRaw, stopServiceWorkers, tabIdVia, type RawPage } from './lib/chrome-pages';
import type { AskRequest } from '../../utils/messaging/types';
import type { PageContent } from '../../utils/sources/types';
import { chatCount, lastMessage } from './lib/fault-flow';
import { ARTICLE_SENTENCE, ARTICLE_TITLE, startFixtureServer, type FixtureServer } from './lib/fixture-server';
import { launchChrome, type ChromeSession } from './lib/launch-chrome';
import { chatRequests, messagesText } from './lib/log-checks';
import { msg } from './lib/messages';
import { chooseModelAndSave, openOptions, testConnection } from './lib/options-flow';
import { waitForPanelPage } from './lib/panel-flow';
import { waitInPage, type UiPage } from './lib/ui-driver';

const SMALL_MODEL = 'moonshot-v1-8k';
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('Moonlit reads pages in Chromium', () => {
  let sim: Simulator;
  let site: FixtureServer;
  let b: ChromeSession;
  let helper: RawPage;

  /** A tab at `url` and a panel bound to it, once the panel shows `title`. */
  async function bound(url: string, title: string): Promise<{ tab: RawPage; panel: UiPage; tabId: number }> {
    const tab = await openRaw(b.context, url);
    const tabId = await tabIdVia(helper.ui, url);
    const panel = (await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`)).ui;
    await waitForPanelPage(panel, title);
    return { tab, panel, tabId };
  }

  /** Asks `question` and returns the chat request that carried it, once its answer is done. */
  async function askAndGetRequest(panel: UiPage, question: string): Promise<RecordedRequest> {
    const index = await answerCount(panel);
    await ask(panel, question);
    const end = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped']);
    assert.equal(end.status, 'done', `the answer ended as ${end.status}: ${end.text.slice(0, 200)}`);
    const req = chatRequests(sim.log).find((r) => flat(lastMessage(r).content ?? '').includes(question));
    assert.ok(req, `no chat request carried "${question}"`);
    return req;
  }

  before(async () => {
    sim = await startSimulator();
    sim.setDefault({ chunkDelayMs: 5 });
    site = await startFixtureServer();
    b = await launchChrome();
    // A small model, so that the long page does not fit and the short ones do.
    const options = await openOptions(b);
    await options.fill(msg('optionsApiKey'), DEFAULT_KEY);
    await testConnection(options, sim.baseUrl, DEFAULT_MODELS.length);
    await chooseModelAndSave(options, SMALL_MODEL);
    await options.close();
    helper = await openRaw(b.context, `${b.origin}/options.html`);
  });

  after(async () => {
    await b?.close();
    await site?.close();
    await sim?.close();
  });

  it('a browser page (chrome://version) gets "Moonlit can\'t read this kind of page", and Send keeps the question', { timeout: 60_000 }, async () => {
    const url = site.url('article.html?restricted');
    const tab = await openRaw(b.context, url);
    const tabId = await tabIdVia(helper.ui, url);
    await tab.page.goto('chrome://version', { timeout: 30_000 });
    const panel = (await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`)).ui;
    const title = msg('pageRestrictedTitle');
    await waitInPage(panel, `the panel to say "${title}"`, (t: string) => document.body.innerText.includes(t), title);
    const logBefore = sim.log.length;
    const question = 'What version of the browser is this?';
    await ask(panel, question);
    // Send reads the page again: once the panel has settled, a question asked in another panel goes through the same
    // background after anything this Send had started.
    await waitInPage(panel, 'the panel to settle after Send', () => !document.querySelector('[aria-busy="true"]'), null);
    const other = await bound(site.url('article.html?after-restricted'), ARTICLE_TITLE);
    const beside = await requestsBesideMarker(sim, logBefore, other.panel, 'Asked in another tab after the browser page.');
    const box = await panel.evaluate(
      (label: string) => document.querySelector<HTMLTextAreaElement>(`textarea[aria-label="${label}"]`)?.value,
      msg('panelAskLabel'),
    );
    assert.equal(box, question, 'the typed question should still be in the box');
    assert.deepEqual(
      beside.filter((r) => r.includes('/chat/completions')),
      [],
      'nothing should have been sent to Kimi',
    );
    assert.ok(await panel.evaluate((t: string) => document.body.innerText.includes(t), title), 'the notice should still be shown');
    assert.equal(await panel.evaluate(() => document.querySelectorAll('[data-role="answer"]').length, null), 0, 'no answer should have been started');
  });

  it('with text selected on the page, the question goes out with the selection inside <selection> tags', { timeout: 60_000 }, async () => {
    const { tab, panel } = await bound(site.url('article.html?selection'), ARTICLE_TITLE);
    const selected = await tab.ui.evaluate((sentence: string) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent!.replace(/\s+/g, ' ');
        if (!text.includes('eleven kilograms')) continue;
        const raw = node.textContent!;
        const start = raw.indexOf('The rooftop colony');
        const range = document.createRange();
        range.setStart(node, Math.max(0, start));
        range.setEnd(node, raw.indexOf('fondant.') + 'fondant.'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return getSelection()!.toString().replace(/\s+/g, ' ');
      }
      return `not found: ${sentence}`;
    }, ARTICLE_SENTENCE);
    assert.equal(selected, ARTICLE_SENTENCE, 'the test should have selected the article sentence');
    const req = await askAndGetRequest(panel, 'Why does this sentence matter?');
    const user = flat(lastMessage(req).content ?? '');
    const m = /<selection> (.*?) <\/selection>/.exec(user);
    assert.ok(m, `the user message should hold a <selection> block: ${user.slice(0, 300)}`);
    assert.equal(m[1], ARTICLE_SENTENCE, 'the selection block should hold exactly the selected text');
  });

  it('when the bound tab navigates to a single-page app that renders after 500 ms, the panel reads the rendered page', { timeout: 60_000 }, async () => {
    const { tab, panel } = await bound(site.url('article.html?navigate'), ARTICLE_TITLE);
    await tab.page.goto(site.url('spa.html'), { timeout: 30_000 });
    // Only the navigation listener reads the page now; the title appears only once the app has rendered.
    await waitForPanelPage(panel, 'Queen Rearing, Rendered Late');
    const header = await panel.evaluate(() => document.querySelector('.page-title')?.textContent ?? '', null);
    assert.equal(header, 'Queen Rearing, Rendered Late', 'the header should show the new page');
    const req = await askAndGetRequest(panel, 'How young must grafted larvae be?');
    const text = messagesText(req);
    assert.ok(text.includes('grafted larvae must be younger than thirty-six hours'), 'the request should carry the late-rendered text');
    assert.ok(!text.includes('eleven kilograms'), 'the request should not carry the previous page');
  });

  it('text in a same-origin iframe and in an open shadow root reaches the request', { timeout: 60_000 }, async () => {
    const { panel } = await bound(site.url('frames.html'), 'Swarm Season Notes');
    const text = messagesText(await askAndGetRequest(panel, 'What do the field report and the tip say?'));
    assert.ok(text.includes('a caught swarm was hived in a white box on the third of June'), 'the iframe text should be in the request');
    assert.ok(text.includes('clip one wing of the queen so that a swarm cannot fly off'), 'the shadow root text should be in the request');
    assert.ok(text.includes('Adding a super before the main flow starts'), 'the page text should be in the request');
  });

  it("a question about the page the panel holds: the worker checks the tab and has the text (or asks for it after a restart); a tab that moved on gets 'stale' and nothing is sent", {
    timeout: 90_000,
  }, async () => {
    const url = site.url('article.html?held');
    const tab = await openRaw(b.context, url);
    const tabId = await tabIdVia(helper.ui, url);
    // What the panel does first: read the page (the reading passes the worker, which keeps it).
    const read = await helper.ui.evaluate(
      async (id: number) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: unknown; page: PageContent }> } } }).chrome.runtime.sendMessage({
          name: 'panel→bg:extract',
          data: { tabId: id },
        }),
      tabId,
    );
    assert.equal(read.ok, true);
    assert.ok(read.page.reading, 'the page reader should name its reading');
    const ADDED = 'Harbour addendum: the pilot boat was repainted before the gales.';
    /** Posts check + ask on an ask port from an extension page, as the panel does, and reports what came back. */
    const askHeld = (reading: string, question: string) =>
      helper.ui.evaluate(
        async ({ request, text, added }: { request: AskRequest; text: string; added: string }) => {
          const api = (
            globalThis as unknown as {
              chrome: {
                runtime: {
                  connect(i: object): {
                    postMessage(m: object): void;
                    disconnect(): void;
                    onMessage: { addListener(f: (m: { type: string; check?: { same: boolean; page?: PageContent } }) => void): void };
                  };
                };
              };
            }
          ).chrome;
          const port = api.runtime.connect({ name: 'moonlit-ask' });
          const got: string[] = [];
          return new Promise<string[]>((resolve) => {
            const end = () => (port.disconnect(), resolve(got));
            port.onMessage.addListener((m) => {
              if (m.type === 'bg→panel:delta') return;
              got.push(m.type === 'bg→panel:page' ? `page:${m.check!.same ? 'same' : m.check!.page!.text.includes(added) ? 'changed' : 'other'}` : m.type);
              if (m.type === 'bg→panel:need-page') port.postMessage({ type: 'panel→bg:page-text', text });
              if (m.type === 'bg→panel:done' || m.type === 'bg→panel:error' || m.type === 'bg→panel:stale') end();
            });
            port.postMessage({ type: 'panel→bg:check', verify: request.verify });
            port.postMessage({ type: 'panel→bg:ask', request: { ...request, page: { ...request.page!, text: '' } } });
            setTimeout(() => (got.push('timeout'), end()), 15_000);
          });
        },
        { request: { mode: 'ask', question, page: read.page, history: [], verify: { tabId, reading } }, text: read.page.text, added: ADDED },
      );
    const sentFor = (question: string) => chatRequests(sim.log).filter((r) => (lastMessage(r).content ?? '').includes(question));

    // Unchanged page: the worker's own copy of the text goes, with no page text on the port.
    assert.deepEqual(await askHeld(read.page.reading!, 'Held question one?'), ['page:same', 'bg→panel:start', 'bg→panel:done']);
    assert.equal(sentFor('Held question one?').length, 1);
    assert.ok(messagesText(sentFor('Held question one?')[0]).includes('eleven kilograms'), 'the request should carry the page text the worker kept');

    // A change outside the main text (the site's footer and navigation) leaves the page as it was: no new reading.
    await tab.ui.evaluate(() => {
      document.querySelector('footer')!.append(Object.assign(document.createElement('span'), { textContent: ' · 10:01' }));
      document.querySelector('nav')!.setAttribute('data-open', 'yes');
    }, null);
    assert.deepEqual(await askHeld(read.page.reading!, 'Held question one, again?'), ['page:same', 'bg→panel:start', 'bg→panel:done']);

    // The main text changed in place: the worker reads it again and the new text goes.
    await tab.ui.evaluate(
      (added: string) => void document.querySelector('article')!.append(Object.assign(document.createElement('p'), { textContent: added })),
      ADDED,
    );
    // The new page goes to the panel once the request is on its way, so after "start" (and after the first token).
    assert.deepEqual(await askHeld(read.page.reading!, 'Held question two?'), ['bg→panel:start', 'page:changed', 'bg→panel:done']);
    assert.ok(messagesText(sentFor('Held question two?')[0]).includes(ADDED), 'the request should carry the paragraph just added');

    // A restarted worker has no copy: it asks for the text once, then answers.
    const now = await helper.ui.evaluate(
      async (id: number) =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<{ ok: unknown; page?: PageContent }> } } }).chrome.runtime.sendMessage(
          { name: 'panel→bg:extract', data: { tabId: id } },
        ),
      tabId,
    );
    assert.equal(now.ok, true);
    await stopServiceWorkers(b.context, helper.page);
    assert.deepEqual(await askHeld(now.page!.reading!, 'Held question three?'), ['bg→panel:need-page', 'page:same', 'bg→panel:start', 'bg→panel:done']);
    assert.equal(sentFor('Held question three?').length, 1);

    // The tab moved on (another address in the same document) before the panel read it again: nothing is sent.
    await tab.ui.evaluate(() => history.pushState(null, '', '/elsewhere.html'), null);
    const before = chatCount(sim);
    assert.deepEqual(await askHeld(now.page!.reading!, 'Held question four?'), ['bg→panel:stale']);
    assert.equal(chatCount(sim), before, 'a stale question reaches no API');
    await tab.page.close();
  });

  it('the tab moves to another address just as Send is pressed: the question is asked once, about the page now shown', { timeout: 60_000 }, async () => {
    const { tab, panel } = await bound(site.url('article.html?before-move'), ARTICLE_TITLE);
    const before = chatCount(sim);
    // The panel still holds the page at the old address when the question goes (in practice its re-read loses the
    // race), so the worker finds the tab moved on and the panel asks again about the new address. Either way:
    // exactly one request, carrying the new address, and the conversation shows the question once.
    await tab.ui.evaluate(() => history.pushState(null, '', '/moved-article.html'), null);
    const question = 'Where did the page move to?';
    await ask(panel, question);
    const end = await waitForAnswerStatus(panel, 0, ['done', 'error', 'stopped']);
    assert.equal(end.status, 'done', `the answer ended as ${end.status}: ${end.text.slice(0, 200)}`);
    const sent = chatRequests(sim.log).slice(before);
    assert.equal(sent.length, 1, 'exactly one request');
    assert.ok(messagesText(sent[0]).includes(site.url('moved-article.html')), 'the request should name the address the tab shows now');
    assert.ok((lastMessage(sent[0]).content ?? '').includes(question));
    assert.equal(await answerCount(panel), 1, 'the panel shows the question once');
    await tab.page.close();
  });

  it('a page too long for the model is summarised in parts with visible progress, through a 429, losing no part', { timeout: 120_000 }, async () => {
    const { panel } = await bound(site.url('long-article.html'), 'The Long Apiary Journal');
    const button = msg('coverageSummarizeParts');
    await waitInPage(panel, 'the coverage notice to offer summarising in parts', () => document.querySelector('[data-fits="false"]') !== null, null);
    assert.equal(await panel.count('button', button), 1, `the notice should offer "${button}"`);
    // Everything the progress line says, recorded inside the panel.
    await panel.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      const snap = () => {
        const el = document.querySelector<HTMLElement>('.parts-progress');
        const text = el?.innerText.replace(/\s+/g, ' ').trim();
        if (text && seen.at(-1) !== text) seen.push(text);
      };
      new MutationObserver(snap).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, null);
    const before = chatCount(sim);
    const index = await answerCount(panel);
    // Part 1 answers; the next request (part 2) meets Tier 0's rate limit; every later one answers.
    sim.script(
      {},
      {
        error: { status: 429, type: 'rate_limit_reached_error', message: 'Your account org-e2e request reached max RPM: 3, please try again after 1 seconds' },
      },
    );
    await panel.click(button);
    const end = await waitForAnswerStatus(panel, index, ['done', 'error', 'stopped'], 90_000);
    assert.equal(end.status, 'done', `the summary ended as ${end.status}: ${end.text.slice(0, 300)}`);

    const sent = chatRequests(sim.log).slice(before);
    const question = (r: RecordedRequest) => lastMessage(r).content ?? '';
    const partOf = (r: RecordedRequest) => /^This is part (\d+) of (\d+)/.exec(question(r));
    const parts = sent.filter((r) => partOf(r));
    const n = Number(partOf(parts[0])![2]);
    assert.ok(n >= 3, `the page should need several parts with ${SMALL_MODEL}; it was cut into ${n}`);
    assert.deepEqual(
      parts.map((r) => Number(partOf(r)![1])),
      [1, 2, ...Array.from({ length: n - 1 }, (_, i) => i + 2)],
      'parts go out in order, and part 2 again after the 429',
    );
    // Every section of the page went out in a part that was answered.
    const answered = [parts[0], ...parts.slice(2)];
    for (let s = 1; s <= 12; s++) {
      const marker = `Marker sentence for section ${s} of the long apiary journal.`;
      assert.equal(answered.filter((r) => messagesText(r).includes(marker)).length, 1, `section ${s} should be in exactly one answered part`);
    }
    for (const r of parts) assert.equal((r.json as { model?: string }).model, SMALL_MODEL);
    // Then one final request with every part's notes, whose answer is the one shown.
    assert.equal(sent.length, parts.length + 1, 'one final request after the parts');
    const final = sent.at(-1)!;
    assert.match(question(final), new RegExp(`read in ${n} parts`));
    for (let k = 1; k <= n; k++) assert.ok(messagesText(final).includes(`Notes on part ${k} of ${n}`), `the final request should carry the notes on part ${k}`);
    assert.ok(!messagesText(final).includes('Marker sentence for section'), 'the final request carries notes, not the page');
    assert.ok(end.text.includes('The page was too long to read at once'), `the answer shown should be the final one: ${end.text.slice(0, 200)}`);
    assert.equal(await answerCount(panel), index + 1, 'the summary is one turn of the conversation');

    const progress = await panel.evaluate(() => (window as unknown as { __progress: string[] }).__progress, null);
    for (let k = 1; k <= n; k++) {
      const line = msg('partsReading', k, n);
      assert.ok(
        progress.some((p) => p.includes(line)),
        `the panel should have shown "${line}"; it showed ${JSON.stringify(progress)}`,
      );
    }
    // The countdown says 1 s or 2 s (the wait is 1 s and a little jitter, counted up): any number of seconds will do.
    const [waitHead, waitTail] = msg('partsWaiting', '\u0000').split('\u0000');
    assert.ok(
      progress.some((p) => p.includes(waitHead) && p.includes(waitTail)),
      `the panel should have shown the rate-limit wait; it showed ${JSON.stringify(progress)}`,
    );
    assert.ok(
      progress.some((p) => p.includes(msg('partsCombining', n))),
      'the panel should have said it was combining the notes',
    );
    assert.equal(await panel.evaluate(() => document.querySelector('.parts-progress') === null, null), true, 'the progress line should be gone at the end');
  });
});
