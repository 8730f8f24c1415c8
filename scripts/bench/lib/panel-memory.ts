// The side panel's JS heap and DOM size with stored conversations of 0–100 messages, in Chromium with
// the e2e build. Conversations are injected the way the panel stores them (storage.local 'conv:<id>',
// storage.session 'tabConversation:<tabId>'), then the panel is opened for that tab.
import { startSimulator } from '../../../tests/simulator/server';
import { CONVERSATION_VERSION } from '../../../utils/history/schema';
import { articleHtml, markdownAnswer } from './article';
import { startPageServer } from './page-server';
import { launchMoonlit, openTab, openPanel } from './moonlit-chrome';
import { linearity, ratio } from './stats';
import { log } from './cli';

const TURNS = [0, 10, 25, 50];
const ANSWER_CHARS = 1200;

function conversation(n: number, tabId: number, url: string) {
  const now = Date.now();
  const id = `conv-bench-${n}-${now.toString(36)}`;
  const turns = Array.from({ length: n }, (_, i) => ({
    id: `turn-bench-${i}`,
    mode: 'ask',
    question: `Question ${i + 1}: what happened to the tides in part ${i + 1}?`,
    answer: markdownAnswer(ANSWER_CHARS, 100 + i),
    reasoning: '',
    status: 'done',
    model: 'moonshot-v1-128k',
    finishReason: 'stop',
    usage: { promptTokens: 25_000 + i * 400, completionTokens: 380, cachedTokens: 0 },
  }));
  return { v: CONVERSATION_VERSION, id, tabId, url, title: `Harbour ${n}`, turns, createdAt: now, updatedAt: now };
}

export async function panelMemory() {
  const sim = await startSimulator();
  const site = await startPageServer();
  const b = await launchMoonlit(sim);
  const rows: { messages: number; heapMB: number; domNodes: number; answers: number; showMs: number }[] = [];
  try {
    for (const n of TURNS) {
      const path = `/harbour-${n}.html`;
      const title = `Harbour ${n}`;
      site.set(path, articleHtml(20 * 1024, { title, seed: n + 1 }));
      const { page: article, tabId } = await openTab(b, site.url(path));
      const conv = conversation(n, tabId, site.url(path));
      await b.session.worker.evaluate(`(async () => {
        const conv = ${JSON.stringify(conv)};
        await chrome.storage.local.set({ ['conv:' + conv.id]: conv });
        await chrome.storage.session.set({ ['tabConversation:${tabId}']: conv.id });
      })()`);
      const t0 = Date.now();
      const panel = await openPanel(b, tabId, title);
      await panel.waitForFunction((k) => document.querySelectorAll('[data-role="answer"][data-status="done"]').length === k, n, { timeout: 60_000 });
      const showMs = Date.now() - t0;
      await new Promise((r) => setTimeout(r, 300));
      const cdp = await b.session.context.newCDPSession(panel);
      let used = 0;
      for (let i = 0; i < 3; i++) {
        await cdp.send('HeapProfiler.collectGarbage');
        used = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      }
      const domNodes = await panel.evaluate(() => document.getElementsByTagName('*').length);
      const answers = await panel.evaluate(() => document.querySelectorAll('[data-role="answer"]').length);
      await cdp.detach();
      rows.push({ messages: n * 2, heapMB: Math.round((used / 1024 / 1024) * 100) / 100, domNodes, answers, showMs });
      log(`  memory ${n * 2} messages: heap ${(used / 1024 / 1024).toFixed(2)} MB, ${domNodes} DOM nodes, shown in ${showMs} ms`);
      await panel.close();
      await article.close();
    }
  } finally {
    await b.close();
    await site.close();
    await sim.close();
  }
  const base = rows[0];
  const growth = rows.slice(1).map((r) => ({ size: r.messages, time: r.heapMB - base.heapMB }));
  return {
    baseline: 'the same panel with an empty conversation',
    answerChars: ANSWER_CHARS,
    rows: rows.map((r) => ({
      ...r,
      ratio: ratio(r.heapMB, base.heapMB),
      perMessageKB: r.messages ? Math.round(((r.heapMB - base.heapMB) * 1024 * 100) / r.messages) / 100 : null,
    })),
    linearity: linearity(growth),
    // Past the first answers (which load the renderer), what each further message costs.
    marginalKBPerMessage: Math.round((((rows.at(-1)!.heapMB - rows[1].heapMB) * 1024) / (rows.at(-1)!.messages - rows[1].messages)) * 100) / 100,
  };
}
