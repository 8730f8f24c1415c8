// npm run bench:tabs — how a question's cost grows with the tabs in it, in real Chromium with the e2e build against
// the simulator. Tabs of one size on loopback: the bound page, plus 4 or 19 others added with "Add tabs".
//   Send → request at the simulator, and the overhead to the first token (the simulator's time to first byte taken
//   out), for 1, 5 and 20 tabs unchanged since they were added: what every question pays for the tabs in it;
//   reading 1, 5 and 20 tabs whole: the panel asks the worker for every tab at once ('panel→bg:extract', as
//   "Add tabs" does), first message → last page back.
// The baseline is the one-tab figure of the same run; the sizes are interleaved in every run. Also asserts ONE API
// request per question, each added tab in a message of its own and whole, and no added tab read by the panel before it.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { articleHtml } from './lib/article';
import { openPanel, openTab, withMoonlit } from './lib/moonlit-chrome';
import { BEHAVIOUR, measure, panelControls, type Measured } from './lib/first-token-measure';
import { addTabs, openTabsBeside, removeTabs, tabMessages } from './lib/bench-tabs';
import { ratio, summarize, fmtMs } from './lib/stats';
import { log, runs, writeResults } from './lib/cli';

const RUNS = runs(15);
const WARMUP = 1;
const COUNTS = [1, 5, 20] as const;
const PAGE_BYTES = 16 * 1024;
const QUESTION = 'What do these pages say about the spring tides?';
const title = (n: number) => `Harbour Ledger ${n}`;
const path = (n: number) => `/ledger-${n}.html`;

/** Every tab read at once from the panel, as the panel reads tabs it adds: ms from the first message to the last page. */
async function readAll(panel: Page, tabIds: number[]): Promise<{ ms: number; chars: number[] }> {
  const r = (await panel.evaluate(`(async (ids) => {
    const t0 = performance.now();
    const pages = await Promise.all(ids.map((tabId) => chrome.runtime.sendMessage({ name: 'panel→bg:extract', data: { tabId } })));
    const ms = performance.now() - t0;
    return { ms, ok: pages.map((p) => p && p.ok === true), chars: pages.map((p) => (p && p.page ? p.page.text.length : 0)) };
  })(${JSON.stringify(tabIds)})`)) as { ms: number; ok: boolean[]; chars: number[] };
  assert.ok(
    r.ok.every(Boolean),
    `not every tab was read: ${r.ok
      .map((ok, i) => (ok ? '' : tabIds[i]))
      .filter(Boolean)
      .join(', ')}`,
  );
  return { ms: r.ms, chars: r.chars };
}

export async function main() {
  const last = COUNTS[COUNTS.length - 1];
  const pages = Object.fromEntries(Array.from({ length: last }, (_, i) => [path(i + 1), articleHtml(PAGE_BYTES, { title: title(i + 1), seed: i + 1 })]));
  return withMoonlit(pages, async ({ sim, site, b }) => {
    log(`tabs: ${b.version}, model ${b.model}, ${RUNS} runs (+${WARMUP} warm-up), ${COUNTS.join(' / ')} tabs of ${PAGE_BYTES} bytes of HTML`);
    const { tabId } = await openTab(b, site.url(path(1)));
    const panel = await openPanel(b, tabId, title(1));
    const otherIds = await openTabsBeside(
      b,
      tabId,
      Array.from({ length: last - 1 }, (_, i) => site.url(path(i + 2))),
    );
    sim.setDefault(BEHAVIOUR);
    const { send } = panelControls(panel, QUESTION);
    const asked = new Map<number, Measured[]>(COUNTS.map((n) => [n, []]));
    const read = new Map<number, number[]>(COUNTS.map((n) => [n, []]));
    const bytes = new Map<number, number>();
    let textChars = 0;
    for (let i = -WARMUP; i < RUNS; i++) {
      // 1, then 5, then 20 tabs: each step adds the tabs it lacks (not timed), then asks.
      let added = 0;
      for (const n of COUNTS) {
        const more = Array.from({ length: n - 1 - added }, (_, k) => title(added + k + 2));
        if (more.length) await addTabs(panel, more);
        added = n - 1;
        const m = await measure(sim, panel, b.session.worker, 'Send', send);
        for (let k = 2; k <= n; k++) {
          const own = tabMessages(m.body, title(k));
          assert.equal(own.length, 1, `${n} tabs: "${title(k)}" is not in exactly one message of its own`);
          assert.doesNotMatch(own[0], /only the first/, `${n} tabs: "${title(k)}" was cut`);
        }
        // Sent as references: the worker checks them while it resolves the question; the panel asks for none.
        assert.equal(m.tabExtracts, 0, `${n} tabs: the panel read an added tab before the question`);
        if (i >= 0) asked.get(n)!.push(m);
        bytes.set(n, Buffer.byteLength(m.body));
      }
      await removeTabs(
        panel,
        Array.from({ length: last - 1 }, (_, k) => title(k + 2)),
      );
      for (const n of COUNTS) {
        const r = await readAll(panel, [tabId, ...otherIds.slice(0, n - 1)]);
        textChars = r.chars[0];
        if (i >= 0) read.get(n)!.push(r.ms);
      }
      if (i >= 0)
        log(
          `  run ${i + 1}: ${COUNTS.map((n) => `${n} tabs: send→request ${asked.get(n)!.at(-1)!.toRequest.toFixed(1)} ms, overhead ${asked.get(n)!.at(-1)!.overhead.toFixed(1)} ms, read ${read.get(n)!.at(-1)!.toFixed(1)} ms`).join('; ')}`,
        );
    }
    const one = {
      toRequest: summarize(asked.get(1)!.map((m) => m.toRequest)),
      overhead: summarize(asked.get(1)!.map((m) => m.overhead)),
      read: summarize(read.get(1)!),
    };
    const rows = COUNTS.map((n) => {
      const xs = asked.get(n)!;
      const toRequest = summarize(xs.map((m) => m.toRequest));
      const overhead = summarize(xs.map((m) => m.overhead));
      const checked = xs.map((m) => m.stages.addedTabsChecked).filter(Number.isFinite);
      const reading = summarize(read.get(n)!);
      return {
        tabs: n,
        sendToRequest: toRequest,
        sendToRequestRatio: ratio(toRequest.median, one.toRequest.median),
        overhead,
        overheadRatio: ratio(overhead.median, one.overhead.median),
        // Measured only while the panel read the added tabs itself before a question (none now: the worker checks them).
        addedTabsChecked: n > 1 && checked.length ? summarize(checked) : null,
        read: reading,
        readRatio: ratio(reading.median, one.read.median),
        requestBytes: bytes.get(n)!,
        apiRequestsPerQuestion: [...new Set(xs.map((m) => m.requests))],
      };
    });
    for (const r of rows) {
      log(
        `${r.tabs} tabs: send → request ${fmtMs(r.sendToRequest)} (×${r.sendToRequestRatio}), overhead ${fmtMs(r.overhead)} (×${r.overheadRatio}), read ${fmtMs(r.read)} (×${r.readRatio}); ${r.requestBytes} bytes`,
      );
      assert.deepEqual(r.apiRequestsPerQuestion, [1], `${r.tabs} tabs: exactly one API request should reach the simulator per question`);
    }
    const results = {
      browser: b.version,
      model: b.model,
      runs: RUNS,
      pageBytes: PAGE_BYTES,
      textCharsPerTab: textChars,
      what: {
        sendToRequest:
          'click on "Send" → the request received by the simulator, the added tabs unchanged since they were added (sent as references, checked by the worker, not read again)',
        overhead: 'click on "Send" → first token painted, minus the simulator\'s time to first byte (as bench:first-token)',
        read: 'every tab read whole at once from the panel (\'panel→bg:extract\' per tab, as "Add tabs" reads them): first message → last page back',
      },
      rows,
    };
    writeResults('tabs', results);
    return results;
  });
}

await main();
