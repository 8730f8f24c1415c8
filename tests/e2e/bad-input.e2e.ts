// Bad input end to end in Chromium: each kind gets a clear message in words, and nothing is lost. TESTING.md has
// the full table of bad input and the test (unit or end to end) covering each row.
// Run: npx tsx --test tests/e2e/bad-input.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Simulator } from '../simulator/server';
import { requestsBesideMarker } from './lib/barrier';
import { waitForAnswerStatus } from './lib/answers';
import { openRaw, tabIdVia } from './lib/chrome-pages';
import { alertText, chatCount } from './lib/fault-flow';
import { ARTICLE_TITLE, startFixtureServer, type FixtureServer } from './lib/fixture-server';
import type { ChromeSession } from './lib/launch-chrome';
import { chatRequests } from './lib/log-checks';
import { msg } from './lib/messages';
import { useMoonlit } from './lib/moonlit';
import { waitForPanelPage } from './lib/panel-flow';
import { waitInPage, type UiPage } from './lib/ui-driver';

describe('Moonlit with bad input in Chromium', () => {
  const m = useMoonlit('chromium');
  let sim: Simulator;
  let site: FixtureServer;
  let b: ChromeSession;
  let helper: UiPage;
  before(() => void ({ sim, site, b, helper } = m()));

  /** A fresh article tab (its own URL, so its own conversation) and a panel bound to it. */
  async function freshPanel(name: string) {
    const url = site.url(`article.html?bad=${name}`);
    await openRaw(b.context, url);
    const tabId = await tabIdVia(helper, url);
    const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitForPanelPage(panel.ui, ARTICLE_TITLE);
    return { panel, tabId, url };
  }

  it('bad input: an empty question says "Type a question first." and sends nothing', async () => {
    const { panel } = await freshPanel('empty-question');
    const logBefore = sim.log.length;
    await panel.ui.click(msg('panelSend'));
    await waitInPage(panel.ui, 'the empty-question hint', (t: string) => document.body.textContent!.includes(t), msg('panelEmptyQuestion'));
    const beside = await requestsBesideMarker(sim, logBefore, panel.ui, 'A real question after the empty one.');
    assert.deepEqual(
      beside.filter((r) => r.includes('/chat/completions')),
      [],
      'an empty question must not reach Kimi',
    );
  });

  it('bad input: a 200 KB question is sent whole, not cut, and answered', async () => {
    const { panel } = await freshPanel('huge-question');
    const before = chatCount(sim);
    const question = 'Why? '.repeat(40_000);
    sim.script({ content: 'A long question, answered.' });
    await panel.page.getByRole('textbox', { name: msg('panelAskLabel'), exact: true }).fill(question);
    await panel.ui.click(msg('panelSend'));
    await waitForAnswerStatus(panel.ui, 0, ['done'], 30_000);
    const sent = chatRequests(sim.log).slice(before);
    assert.equal(sent.length, 1);
    const last = (sent[0].json as { messages: { content: string }[] }).messages.at(-1)!.content;
    assert.ok(last.includes(question.trim()), `the whole question should be sent (${last.length} characters arrived)`);
  });

  it('bad input: a browser page (chrome://version) is explained, not read', async () => {
    // Without the "tabs" permission Moonlit cannot see a browser page's URL: find the new tab by its id.
    const ids = () =>
      helper.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
        return (await api.tabs.query({})).map((t) => t.id ?? -1);
      }, null);
    const known = new Set(await ids());
    await openRaw(b.context, 'chrome://version/');
    const tabId = (await ids()).find((id) => !known.has(id));
    assert.ok(tabId !== undefined, 'the chrome://version tab should have an id');
    const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitInPage(panel.ui, 'the restricted-page notice', (t: string) => document.body.textContent!.includes(t), msg('pageRestrictedTitle'));
  });

  it('bad input: an empty page is explained, and nothing is sent', async () => {
    const url = site.url('hostile-empty.html');
    await openRaw(b.context, url);
    const tabId = await tabIdVia(helper, url);
    const before = chatCount(sim);
    const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
    await waitInPage(panel.ui, 'the empty-page notice', (t: string) => document.body.textContent!.includes(t), msg('pageEmptyTitle'));
    assert.equal(chatCount(sim) - before, 0);
  });

  it('bad input: a 20 MB page and a binary page get an answer or a clear notice, and the panel keeps working', { timeout: 240_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'moonlit-bad-pages-'));
    const para = '<p>' + 'The hive hums through the long winter nights. '.repeat(20) + '</p>\n';
    await writeFile(
      join(dir, 'huge.html'),
      `<!doctype html><html><head><title>Huge page</title></head><body><article><h1>Huge page</h1>${para.repeat(Math.ceil(20e6 / para.length))}</article></body></html>`,
    );
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    await writeFile(join(dir, 'binary.html'), bytes);
    const pages = await startFixtureServer(0, dir);
    try {
      for (const name of ['huge.html', 'binary.html']) {
        const url = pages.url(name);
        await openRaw(b.context, url);
        const tabId = await tabIdVia(helper, url);
        const panel = await openRaw(b.context, `${b.origin}/sidepanel.html?tabId=${tabId}`);
        const outcome = await waitInPage(
          panel.ui,
          `${name}: the page read, or a notice`,
          () => {
            const notice = document.querySelector('.page-notice, [role="alert"]');
            if (notice?.textContent?.trim()) return `notice: ${notice.textContent.trim().slice(0, 120)}`;
            const title = document.querySelector('.page-title')?.textContent ?? '';
            return title && !/Moonlit|Reading/.test(title) ? `ready: ${title}` : '';
          },
          null,
          { timeoutMs: 60_000 },
        );
        console.log(`  ${name}: ${outcome}`);
        const before = chatCount(sim);
        if (outcome.startsWith('ready')) {
          await panel.ui.click(msg('panelSummarize'));
          // Either an answer, or the coverage notice saying the page is too long (nothing sent then).
          const result = await waitInPage(
            panel.ui,
            `${name}: an answer or a clear notice after Summarize`,
            () => {
              const a = document.querySelector('[data-role="answer"]');
              if (a && a.getAttribute('data-status') !== 'streaming') return `answer ${a.getAttribute('data-status')}`;
              const notice = [...document.querySelectorAll('.notice-title, [role="alert"]')].map((n) => n.textContent?.trim()).filter(Boolean);
              return notice.length ? `notice: ${notice.join(' | ').slice(0, 160)}` : '';
            },
            null,
            { timeoutMs: 60_000 },
          );
          console.log(`  ${name} → Summarize: ${result}`);
          assert.ok(!/answer error/.test(result) || (await alertText(panel.ui)).length > 0, 'a failed answer must say why');
          assert.ok(chatCount(sim) - before <= 1, 'at most one request for one click');
        }
        // Still responsive: the history view opens.
        await panel.ui.click(msg('panelHistory'));
        await waitInPage(panel.ui, 'the history view', (l: string) => !!document.querySelector(`section[aria-label="${l}"]`), msg('historyTitle'));
        await panel.page.close();
      }
    } finally {
      await pages.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
