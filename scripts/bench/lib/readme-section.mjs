// The README's "Performance" section (bench/README-performance.md), from the latest results.

const f1 = (x) => Number(x).toFixed(1);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export function readmeSection(all) {
  const b = all.benches;
  const m = all.machine;
  // The 1-minute load average where the headline figure was measured (per bench since index.mjs records it).
  const load = (b['first-token']?.load?.atStart ?? m.loadAtStart).split(' ')[0];
  const out = ['## Performance', ''];
  out.push(
    `Measured with \`npm run bench\` (results: [bench/results.md](bench/results.md), raw figures in bench/results.json) on ${all.date.slice(0, 10)}: ` +
      `${m.cpu}, ${m.cores} cores, Chromium ${m.chromium}, Node ${m.node}. Each figure is a median (p95 in brackets) next to a baseline measured in the same run; ` +
      `load average ${load} on ${m.cores} cores${b['first-token']?.load ? ' during the first-token run' : ' at the start'}${Number(load) >= m.cores / 2 ? ' (a shared, busy machine: read the ratios rather than the absolute times)' : ''}.`,
    '',
  );
  const ft = b['first-token']?.results;
  if (ft) {
    out.push(
      `- **Overhead to the first token** on a ${Math.round(ft.pageBytes / 1024)} KB article page (page extraction included, the API's own time to first byte excluded, ${ft.runs} runs): ` +
        `${f1(ft.send.overhead.median)} ms (p95 ${f1(ft.send.overhead.p95)}) from "Send", ${f1(ft.contextMenuSummarize.overhead.median)} ms (p95 ${f1(ft.contextMenuSummarize.overhead.p95)}) from the "Summarize this page" menu item; ` +
        `a bare \`fetch\` of the same request takes ${f1(ft.baseline.overhead.median)} ms (×${ft.send.ratioToBaseline} and ×${ft.contextMenuSummarize.ratioToBaseline}). ` +
        `Target ≤ ${ft.targetMedianMs} ms: ${ft.send.overhead.median <= ft.targetMedianMs && ft.contextMenuSummarize.overhead.median <= ft.targetMedianMs ? 'met' : 'not met yet'}. ` +
        (ft.sendAfterPageChanged
          ? `A question about the page the panel holds goes at once: the worker has the page's text, and checked the tab (selection included) while the question was typed; the page reader tells it of any change since. When the page changed between typing and clicking, "Send" takes ${f1(ft.sendAfterPageChanged.overhead.median)} ms (p95 ${f1(ft.sendAfterPageChanged.overhead.p95)}), reading the page again. ` +
            (ft.sendPressed
              ? `With the button held ${ft.sendPressed.what.match(/held (\d+) ms/)?.[1] ?? 80} ms as a person clicks: ${f1(ft.sendPressed.overhead.median)} ms (p95 ${f1(ft.sendPressed.overhead.p95)}). `
              : '') +
            `Up to the DOM commit, before the frame that paints it: ${f1(ft.send.overheadToDomCommit.median)} ms from "Send". `
          : '') +
        `Exactly ${ft.send.apiRequestsPerQuestion.join('/')} HTTP request reaches the API per question (counted in the simulator's log). ` +
        `Last token → final paint: ${f1(ft.send.lastTokenToFinalPaint.median)} ms (bare: ${f1(ft.baseline.lastTokenToFinalPaint.median)} ms).`,
    );
  }
  const five = ft?.sendFiveTabs;
  if (five)
    out.push(
      `- **Several tabs in one question**: with ${five.tabs} tabs in the question (the page and ${five.tabs - 1} tabs added with "Add tabs", unchanged since), the overhead from "Send" is ${f1(five.overhead.median)} ms (p95 ${f1(five.overhead.p95)}), ×${five.ratioToSend} the one-tab figure of the same run (target ≤ ×${five.targetRatioToSend}: ${five.ratioToSend <= five.targetRatioToSend ? 'met' : 'not met'}); still exactly ${five.apiRequestsPerQuestion.join('/')} API request per question.`,
    );
  const tb = b.tabs?.results;
  if (tb?.rows) {
    const row = (n) => tb.rows.find((r) => r.tabs === n);
    const counts = tb.rows.map((r) => r.tabs);
    out.push(
      `- **Scaling with tabs** (${counts.join(', ')} tabs of ${Math.round(tb.pageBytes / 1024)} KB each, ${tb.runs} runs): from "Send" to the request at the API ${tb.rows.map((r) => `${f1(r.sendToRequest.median)} ms`).join(', ')} (×${tb.rows.map((r) => r.sendToRequestRatio).join(', ×')} one tab); reading the tabs whole, as "Add tabs" does, ${tb.rows.map((r) => `${f1(r.read.median)} ms`).join(', ')} (×${tb.rows.map((r) => r.readRatio).join(', ×')}). ` +
        `Tabs added earlier and unchanged are only checked before a question, not read again; ${row(counts[counts.length - 1])?.tabs ?? ''} tabs make a ${kib(row(counts[counts.length - 1])?.requestBytes ?? 0)} request.`,
    );
  }
  const sz = b.sizes?.results;
  if (sz) {
    const e = (name) => sz.entries.find((x) => x.name.startsWith(name));
    const scripts = sz.entries.filter((x) => x.name.startsWith('content script'));
    const cs = scripts.map((x) => `${x.name.replace(/^content script \((.*)\)$/, '$1')} ${kib(x.gzip)}${x.ok === false ? ' (OVER)' : ''}`).join(', ');
    const panel = e('side panel');
    out.push(
      `- **Size** (gzip): scripts injected into pages ${cs} (budget ${kib(scripts[0]?.budget ?? 0)} each), the panel's first load ${kib(panel.gzip)} (budget ${kib(panel.budget)}${panel.ok ? '' : ', OVER'}; the Markdown renderer is fetched right after the first paint); ` +
        'KaTeX and pdf.js load only when an answer has math or a PDF is read. `npm test` fails when a budget is exceeded.',
    );
  }
  const sc = b.scaling?.results;
  if (sc) {
    const lin = (t) => `${t.linearity.verdict} (cost ∝ size^${t.linearity.exponent})`;
    const last = (t) => t.rows[t.rows.length - 1];
    if (sc.extraction)
      out.push(
        `- **Extraction** grows ${lin(sc.extraction)}: ${f1(sc.extraction.rows[0].ours.median)} ms for 100 KB of HTML, ${f1(last(sc.extraction).ours.median)} ms for 10 MB.`,
      );
    if (sc.estimateTokens)
      out.push(
        `- **Token estimate and prompt building** grow ${lin(sc.estimateTokens)} / ${lin(sc.buildChatBody)}: ${f1(last(sc.estimateTokens).ours.median)} ms and ${f1(last(sc.buildChatBody).ours.median)} ms for 1M characters.`,
      );
    if (sc.rendering)
      out.push(
        `- **Streaming render** grows ${lin(sc.rendering)}: a ${Math.round(last(sc.rendering).size / 1024)} KB answer in 40-character deltas takes ${f1(last(sc.rendering).ours.median)} ms from first delta to final paint (×${last(sc.rendering).ratio} plain text).`,
      );
    if (sc.memory) {
      const rows = sc.memory.rows;
      out.push(
        `- **Panel memory** with a 100-message conversation: ${rows[rows.length - 1].heapMB} MB of JS heap (empty panel: ${rows[0].heapMB} MB); each further message adds about ${sc.memory.marginalKBPerMessage} KB.`,
      );
    }
  }
  const rd = b.render?.results;
  if (rd?.panel) {
    out.push(
      `- **Streaming a ${Math.round(rd.bytes / 1024)} KiB answer** into the panel costs ${(rd.panelVsNaive * 100).toFixed(1)} % of the main-thread CPU a naive re-render per delta costs (target ≤ ${rd.targetRatio * 100} %${rd.checks && !rd.checks.ratio ? ', not met in this run' : ''}); ` +
        `its longest task takes ${f1(rd.panel.longestCpu)} ms of CPU (${f1(rd.panel.longest)} ms wall clock; target ≤ ${rd.targetLongestMs} ms${rd.checks && !rd.checks.longestTask ? ', not met' : ''}).`,
    );
  }
  const ex = b.extract?.results;
  if (ex?.corpora) {
    const parts = Object.entries(ex.corpora).map(
      ([set, c]) =>
        `${set} (${c.pages} pages) F1 ${Number(c.extractors.moonlit.f1).toFixed(3)} vs Readability ${Number(c.extractors.readability.f1).toFixed(3)}, ×${c.moonlitVsReadability.medianPerPageRatio} its time per page`,
    );
    out.push(`- **Extraction quality** on the shared corpora: ${parts.join('; ')}.`);
  }
  const pd = b.pdf?.results;
  if (pd?.target?.measuredMs)
    out.push(
      `- **PDF**: ${pd.target.file} (${pd.files.find((f) => f.file === pd.target.file)?.pages} pages) is read in ${(pd.target.measuredMs / 1000).toFixed(2)} s (target ≤ ${pd.target.ms / 1000} s).`,
    );
  out.push(
    '',
    'Run one benchmark alone with `npm run bench:first-token`, `bench:scaling`, `bench:tabs`, `bench:sizes`, `bench:extract`, `bench:render` or `bench:pdf`.',
  );
  return out.join('\n') + '\n';
}
