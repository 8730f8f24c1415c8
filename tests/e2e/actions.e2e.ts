// Actions (issue 17) in Chromium and Firefox ESR: an action created in Options shows in the context menu at once
// (fired through the real listener: Chromium's onClicked.dispatch, Firefox's exposed handler), runs in the bound
// panel, works as a slash command in the ask box, and the request Kimi receives carries its prompt and the
// user's "How Kimi should answer" right after Moonlit's own framing.
// Run: npx tsx --test --test-reporter=spec tests/e2e/actions.e2e.ts (after npm run build:e2e).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { BrowserKind, Moonlit, OpenedPage } from './lib/moonlit';
import { useMoonlit } from './lib/moonlit';
import { currentWorker } from './lib/chrome-pages';
import { clickMenu } from './lib/menu-click';
import { ARTICLE_SENTENCE, ARTICLE_TITLE } from './lib/fixture-server';
import { chatRequests } from './lib/log-checks';
import { ACTION_ANSWER, checkAction, selectInPage } from './lib/menu-flow';
import { msg } from './lib/messages';
import { waitForStatus } from './lib/options-flow';
import { waitFor, waitInPage, type UiPage } from './lib/ui-driver';
import { ANSWER_STYLE_INTRO, SYSTEM_PROMPT } from '../../utils/kimi/prompt-text';

const NAME = 'Haiku';
const PROMPT = 'Write a haiku about {{selection}} on {{title}}.';
const ASKED = `Write a haiku about ${msg('actionVarSelection')} on ${msg('actionVarTitle')}.`;
/** The action's own model: not the saved one (configure saves moonshot-v1-128k), and a plain one (no thinking). */
const ACTION_MODEL = 'moonshot-v1-32k';
const STYLE = 'I keep bees. Answer like a beekeeper, in two sentences.';
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

type Body = { model: string; messages: { role: string; content: string }[] };

/** The stored custom actions, read from an extension page (browser in Firefox, chrome in Chromium). */
const storedActions = (page: UiPage) =>
  page.evaluate(async () => {
    type Api = { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    return (await (g.browser ?? g.chrome)!.storage.local.get('actions')).actions;
  }, null);
const lastBody = (m: Moonlit) => chatRequests(m.sim.log).at(-1)!.json as Body;

async function checkBox(page: UiPage, label: string, on: boolean): Promise<void> {
  const done = await page.evaluate(
    ([l, v]: [string, boolean]) => {
      const box = [...document.querySelectorAll('.action-form label')].find((x) => x.textContent?.trim() === l)?.querySelector('input');
      if (!box) return false;
      if (box.checked !== v) box.click();
      return box.checked === v;
    },
    [label, on] as [string, boolean],
  );
  assert.ok(done, `the "${label}" checkbox should be there and ${on ? 'checked' : 'unchecked'}`);
}

/** Sends a key to the ask box as the browser would deliver it to the page's listeners. */
const key = (panel: UiPage, k: string) =>
  panel.evaluate((name: string) => {
    document.querySelector('.ask-box textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  }, k);

/** Fires a context-menu click on `id` through the background's real listener. */
const clickMenuItem = (m: Moonlit, id: string, tabId: number, url: string, selection: string) =>
  clickMenu(m, tabId, { menuItemId: id, pageUrl: url, selectionText: selection });

/** Whether the background registered a menu item with this id (update refuses an unknown one). */
async function menuExists(m: Moonlit, id: string): Promise<boolean> {
  const update = async (i: string) => {
    const g = globalThis as unknown as { browser?: unknown; chrome?: unknown };
    const c = (g.browser ?? g.chrome) as { contextMenus: { update(id: string, p: object): Promise<void> } };
    return c.contextMenus.update(i, {}).then(
      () => true,
      () => false,
    );
  };
  if (m.kind === 'chromium') return (await currentWorker(m.b.context)).evaluate(update, id);
  return m.helper.evaluate(update, id);
}

function actionsSuite(kind: BrowserKind) {
  describe(`Actions in ${kind === 'chromium' ? 'Chromium' : 'Firefox ESR'}`, () => {
    const m = useMoonlit(kind);
    let article: OpenedPage;
    let panel: OpenedPage;
    let tabId: number;
    let actionId: string;

    before(async () => {
      m().sim.setDefault({ content: ACTION_ANSWER, chunkSize: 12, chunkDelayMs: 40 });
      ({ tab: article, panel, tabId } = await m().panelFor(m().site.url('article.html'), ARTICLE_TITLE));
    });

    it('Options: a bad template is explained at once; the action and the standing instructions are saved', { timeout: 60_000 }, async () => {
      // In front while it is used (Firefox types only into a page on screen), closed after.
      const options = await m().open(`${m().b.origin}/options.html`);
      const o = options.ui;
      await o.click(msg('actionsAdd'));
      await o.fill(msg('actionsName'), NAME);
      await o.fill(msg('actionsPrompt'), 'Write about {{who}}');
      const wrong = msg('actionsErrUnknownVariable', 'who');
      await waitInPage(
        o,
        'the unknown-variable message',
        (w: string) => [...document.querySelectorAll('[role="alert"]')].some((a) => a.textContent === w),
        wrong,
      );
      // Save refuses while the template is wrong: nothing is stored.
      await o.click(msg('actionsSave'));
      assert.equal(JSON.stringify((await storedActions(o)) ?? null), 'null');
      await o.fill(msg('actionsPrompt'), PROMPT);
      await o.fill(msg('actionsModel'), ACTION_MODEL);
      await checkBox(o, msg('actionsContextSelection'), true);
      await o.click(msg('actionsSave'));
      await waitForStatus(o, msg('actionsSaved', NAME));
      await o.fill(msg('actionsAnswerStyle'), STYLE);
      await o.click(msg('actionsAnswerStyleSave'));
      await waitForStatus(o, msg('actionsAnswerStyleSaved'));
      const stored = (await storedActions(o)) as { list: { id: string; name?: string; prompt?: string; contexts?: string[] }[] };
      const mine = stored.list.find((a) => a.name === NAME);
      assert.ok(mine, `the action should be stored: ${JSON.stringify(stored)}`);
      assert.ok(mine.id.startsWith('user-'), `the action should be stored with a user id: ${JSON.stringify(stored)}`);
      assert.deepEqual([mine.prompt, mine.contexts, (mine as { model?: string }).model], [PROMPT, ['page', 'selection'], ACTION_MODEL]);
      actionId = mine.id;
      await options.close();
      // The panel in front again: a tab in the background gets no animation frames, so it would paint nothing.
      const mm = m();
      if (mm.kind === 'chromium')
        await mm.b.context
          .pages()
          .find((pg) => pg.url().includes('/sidepanel.html'))
          ?.bringToFront();
    });

    it('the context menu shows it at once (six items: under one Moonlit parent), built-in ids unchanged', { timeout: 30_000 }, async () => {
      await waitFor('the new action in the context menu', () => menuExists(m(), actionId));
      for (const id of ['moonlit', 'summarize-page', 'explain-selection', 'ask-selection'])
        assert.ok(await menuExists(m(), id), `menu item "${id}" should exist`);
      assert.equal(await menuExists(m(), 'no-such-item'), false, 'an unknown id is refused, so the checks above mean something');
    });

    it('its menu item, fired through the real listener, asks its prompt with the selection as data and the standing instructions', {
      timeout: 60_000,
    }, async () => {
      const selection = await selectInPage(article.ui, ARTICLE_SENTENCE);
      assert.equal(selection, ARTICLE_SENTENCE);
      await checkAction(panel.ui, m().sim, { via: 'menu', id: actionId, select: true, expect: ['<selection>', ARTICLE_SENTENCE], asked: ASKED }, () =>
        clickMenuItem(m(), actionId, tabId, m().site.url('article.html'), selection),
      );
      const body = lastBody(m());
      assert.equal(body.model, ACTION_MODEL, "the action's own model answers it");
      assert.notEqual(m().model, ACTION_MODEL, 'and it is not the saved model');
      assert.equal(body.messages[0].content, SYSTEM_PROMPT, "Moonlit's own framing comes first");
      assert.equal(body.messages[1].content, `${ANSWER_STYLE_INTRO}\n${STYLE}`, "the user's instructions come right after it");
      assert.ok(body.messages[2].content.includes('<page_content>'), 'then the page');
    });

    it('as a slash command: "/" lists the actions, arrows move, typing filters, Enter picks, the rest is the question', { timeout: 60_000 }, async () => {
      const p = panel.ui;
      await selectInPage(article.ui, null);
      const ask = msg('panelAskLabel');
      await p.fill(ask, '/');
      const options = () =>
        p.evaluate(
          () => ({
            names: [...document.querySelectorAll('[role="listbox"] [role="option"]')].map((o) => o.textContent),
            active: document.querySelector('.ask-box textarea')?.getAttribute('aria-activedescendant'),
            selected: document.querySelector('[role="option"][aria-selected="true"]')?.id,
          }),
          null,
        );
      await waitInPage(p, 'the slash list', () => document.querySelectorAll('[role="listbox"] [role="option"]').length > 1, null);
      const all = await options();
      assert.ok(all.names.includes(NAME) && all.names.includes(msg('menuSummarizePage')), `every visible action is listed: ${JSON.stringify(all.names)}`);
      assert.equal(all.active, all.selected);
      await key(p, 'ArrowDown');
      await waitInPage(
        p,
        'the second option to be active',
        () => document.querySelector('.ask-box textarea')?.getAttribute('aria-activedescendant') === 'slash-action-1',
        null,
      );
      await p.fill(ask, '/hai');
      await waitInPage(
        p,
        'the list filtered to the one action',
        (n: string) => {
          const o = [...document.querySelectorAll('[role="listbox"] [role="option"]')];
          return o.length === 1 && o[0].textContent === n && o[0].getAttribute('aria-selected') === 'true';
        },
        NAME,
      );
      await key(p, 'Enter');
      await waitInPage(
        p,
        'the picked action shown, the list closed',
        (n: string) => document.querySelector('.chosen-action')?.textContent?.includes(n) && !document.querySelector('[role="listbox"]'),
        NAME,
      );
      const before = chatRequests(m().sim.log).length;
      await p.fill(ask, 'Keep it short.');
      await key(p, 'Enter');
      await waitFor("the slash command's request", () => chatRequests(m().sim.log).length > before);
      const body = lastBody(m());
      const question = flat(body.messages.at(-1)!.content);
      assert.ok(
        question.endsWith(flat(`${ASKED}\n\nKeep it short.`)),
        `the question should be the action's prompt, then the rest of the line: …${question.slice(-200)}`,
      );
      assert.equal(body.messages[1].content, `${ANSWER_STYLE_INTRO}\n${STYLE}`);
      assert.equal(body.model, ACTION_MODEL, "as a slash command too, the action's own model");
    });
  });
}

actionsSuite('chromium');
actionsSuite('firefox');
