// bench/results.md from the collected results (bench/results.json has the same figures, in full).

const f1 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(1));
const f2 = (x) => (x === null || x === undefined || Number.isNaN(x) ? '–' : Number(x).toFixed(2));
const ms = (s) => (s ? `${f1(s.median)} ms (p95 ${f1(s.p95)}, ${f1(s.min)}–${f1(s.max)})` : '–');
const msShort = (s) => (s ? `${f1(s.median)} (p95 ${f1(s.p95)})` : '–');
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const size = (n) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(0)} MB` : n >= 1024 ? `${(n / 1024).toFixed(0)} KB` : String(n));
const chars = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
const x = (r) => (r === null || r === undefined ? '–' : `×${f2(r)}`);

function firstToken(r) {
  const rows = [
    ['"Send" in the panel', r.send],
    ['"Summarize this page" from the context menu', r.contextMenuSummarize],
    ...(r.sendAfterPageChanged ? [['"Send" right after the page changed (read in full again)', r.sendAfterPageChanged]] : []),
    ...(r.sendFiveTabs
      ? [[`"Send" with ${r.sendFiveTabs.tabs} tabs in the question (the page and ${r.sendFiveTabs.tabs - 1} added, unchanged)`, r.sendFiveTabs]]
      : []),
  ];
  const verdict = (f) => `${f1(f.overhead.median)} ms (${f.overhead.median <= r.targetMedianMs ? 'met' : 'NOT met'})`;
  const out = [
    `Real Chromium ${r.browser}, e2e build, simulator on loopback, a generated ${kib(r.pageBytes)} article page (request body ${kib(r.requestBytes)}), model ${r.model}; ${r.runs} runs each after 2 warm-up runs, interleaved. Overhead = start → first answer token painted (next animation frame after it is in the DOM) − the simulator's own time to first byte; page extraction included. Target: ≤ ${r.targetMedianMs} ms median.`,
    '',
    '| start | overhead to first token | × baseline | API requests per question | last token → final paint | × baseline |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      ([name, f]) =>
        `| ${name} | ${ms(f.overhead)} | ${x(f.ratioToBaseline)} | ${f.apiRequestsPerQuestion.join(', ')} (${f.requestPaths.join(', ')}) | ${ms(f.lastTokenToFinalPaint)} | ${x(f.lastTokenRatioToBaseline)} |`,
    ),
    `| baseline: ${r.baseline.what} | ${ms(r.baseline.overhead)} | ×1.00 | 1 | ${ms(r.baseline.lastTokenToFinalPaint)} | ×1.00 |`,
    '',
    `Median overhead vs the ${r.targetMedianMs} ms target: Send ${verdict(r.send)}, menu ${verdict(r.contextMenuSummarize)}${r.sendAfterPageChanged ? `; Send after a page change ${verdict(r.sendAfterPageChanged)}` : ''}.`,
    ...(r.sendAfterPageChanged
      ? [
          '',
          'Each Send run first selects a different paragraph of the page, and the request is checked to quote it; before each "page changed" run a paragraph is added to the page, and the request is checked to contain it. An unchanged page is not read twice (a MutationObserver in the page reader says whether anything changed); the selection is always read afresh.',
        ]
      : []),
    ...(r.sendFiveTabs
      ? [
          '',
          `${r.sendFiveTabs.tabs} tabs / one tab ("Send"): ×${f2(r.sendFiveTabs.ratioToSend)} (target ≤ ×${r.sendFiveTabs.targetRatioToSend}: ${r.sendFiveTabs.ratioToSend <= r.sendFiveTabs.targetRatioToSend ? 'met' : 'NOT met'}). The other tabs are loopback articles of ${kib(r.sendFiveTabs.otherTabBytes)} of HTML, added with "Add tabs" before the question is typed; each is checked once before the question (not read again) and goes in a message of its own (checked in every run).`,
        ]
      : []),
    '',
    'Where the time goes (median ms, p95 in brackets; "start" is the click, or the menu dispatch in the worker; indented rows split the row above):',
    '',
    `| stage | Send | menu |${r.sendAfterPageChanged ? ' page changed |' : ''}${r.sendFiveTabs ? ' five tabs |' : ''}`,
    `|---|---:|---:|${r.sendAfterPageChanged ? '---:|' : ''}${r.sendFiveTabs ? '---:|' : ''}`,
  ];
  const labels = {
    startToExtract: 'start → extraction requested',
    extraction: 'extraction round trip (panel → worker → content script → panel)',
    extractionBeforeInject: '  ↳ request reaches the worker, tab looked up',
    extractionInjected: '  ↳ page reader injected and run (executeScript)',
    extractionAfterInject: '  ↳ page back to the panel',
    extractedToAsk: 'page read → question posted on the port',
    addedTabsChecked: 'other tabs checked (first asked → last answered)',
    askToRequestReceived: 'question posted → request received by the simulator',
    askOnThePort: 'question on the port (panel → worker)',
    workerBeforeFetch: 'worker: settings, request built and sized → fetch',
    fetchToRequestReceived: 'fetch → request received by the simulator',
    simulatorTtfb: "simulator's own time to first byte (subtracted)",
    firstByteToDelta: 'first byte → first delta in the panel',
    firstByteToWorkerHeaders: '  ↳ response headers in the worker',
    workerHeadersToDeltaPosted: '  ↳ first delta parsed and posted',
    deltaPostedToPanel: '  ↳ delta on the port (worker → panel)',
    deltaToPaint: 'first delta in the panel → painted',
  };
  const cols = [r.send, r.contextMenuSummarize, ...(r.sendAfterPageChanged ? [r.sendAfterPageChanged] : []), ...(r.sendFiveTabs ? [r.sendFiveTabs] : [])];
  for (const [k, label] of Object.entries(labels)) {
    if (cols.some((c) => c.stages?.[k])) out.push(`| ${label} | ${cols.map((c) => msShort(c.stages?.[k])).join(' | ')} |`);
  }
  return out.join('\n');
}

function scalingTable(title, t, fmtSize, extraCols = []) {
  const head = `| ${t.unit} | Moonlit | baseline | × baseline | ms per 1k units |${extraCols.map((c) => ` ${c[0]} |`).join('')}`;
  const lines = [
    `**${title}** — baseline: ${t.baseline}.`,
    '',
    head,
    `|---|---:|---:|---:|---:|${extraCols.map(() => '---:|').join('')}`,
    ...t.rows.map(
      (row) =>
        `| ${fmtSize(row.size)} | ${msShort(row.ours)} ms | ${msShort(row.base)} ms | ${x(row.ratio)} | ${((row.ours.median / row.size) * 1000).toFixed(3)} |${extraCols.map((c) => ` ${c[1](row)} |`).join('')}`,
    ),
    '',
    `Growth: cost ∝ size^${f2(t.linearity.exponent)} (least-squares on log-log over the fastest run at each size) → **${t.linearity.verdict}**; cost per unit at the largest size is ×${f2(t.linearity.perUnitRatio)} that at the smallest.`,
  ];
  return lines.join('\n');
}

function scaling(r) {
  const out = [];
  if (r.extraction) out.push(scalingTable('Extraction (extractPage, Chromium)', r.extraction, size, [['text chars', (row) => row.textChars]]));
  if (r.estimateTokens) out.push(scalingTable('Token estimation (estimateTokens, Node)', r.estimateTokens, chars, [['tokens', (row) => row.tokens]]));
  if (r.buildChatBody) out.push(scalingTable('Prompt building (buildChatBody, Node)', r.buildChatBody, chars));
  if (r.rendering)
    out.push(
      scalingTable(`Rendering (MarkdownView, ${r.rendering.deltaChars}-char deltas, first delta → final paint, Chromium)`, r.rendering, size, [
        ['deltas', (row) => row.deltas],
        ['elements', (row) => row.elements],
      ]),
    );
  if (r.memory) {
    const m = r.memory;
    out.push(
      [
        `**Panel memory (JS heap after GC, e2e build, stored conversation, ${m.answerChars}-char Markdown answers)** — baseline: ${m.baseline}.`,
        '',
        '| messages | JS heap | × baseline | DOM elements | shown in |',
        '|---:|---:|---:|---:|---:|',
        ...m.rows.map((row) => `| ${row.messages} | ${f2(row.heapMB)} MB | ${x(row.ratio)} | ${row.domNodes} | ${row.showMs} ms |`),
        '',
        `Growth above the empty panel: ∝ messages^${f2(m.linearity.exponent)} (${m.linearity.verdict}): the first answers load the renderer once; after that each message adds about ${f2(m.marginalKBPerMessage)} KB.`,
      ].join('\n'),
    );
  }
  return out.join('\n\n');
}

function tabs(r) {
  return [
    `Real Chromium ${r.browser}, e2e build, simulator on loopback, model ${r.model}; every tab a generated article of ${kib(r.pageBytes)} of HTML (${r.textCharsPerTab} characters of text), the bound page plus the others added with "Add tabs"; ${r.runs} runs, the sizes interleaved in each. Baseline: one tab, in the same run.`,
    '',
    '| tabs | "Send" → request at the API | × 1 tab | overhead to first token | × 1 tab | other tabs checked | reading the tabs whole | × 1 tab | request body |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.rows.map(
      (row) =>
        `| ${row.tabs} | ${msShort(row.sendToRequest)} ms | ${x(row.sendToRequestRatio)} | ${msShort(row.overhead)} ms | ${x(row.overheadRatio)} | ${row.addedTabsChecked ? `${msShort(row.addedTabsChecked)} ms` : '–'} | ${msShort(row.read)} ms | ${x(row.readRatio)} | ${kib(row.requestBytes)} |`,
    ),
    '',
    `"Send" → request: ${r.what.sendToRequest}. Overhead: ${r.what.overhead}. Reading: ${r.what.read}. Exactly one API request per question, and each added tab in a message of its own and whole, checked in every run.`,
  ].join('\n');
}

function sizes(r) {
  return [
    `Production build (${r.build}), ${r.unit}; 1 KiB = 1024 bytes. \`npm test\` fails when a budget is exceeded (scripts/check-sizes.mjs).`,
    '',
    '| entry | gzip | raw | budget | |',
    '|---|---:|---:|---:|---|',
    ...r.entries.map(
      (e) => `| ${e.name} | ${kib(e.gzip)} | ${kib(e.raw)} | ${e.budget ? kib(e.budget) : '–'} | ${e.ok === null ? '' : e.ok ? 'ok' : '**OVER**'} |`,
    ),
  ].join('\n');
}

function extract(r) {
  if (r.skipped) return `Skipped: ${r.skipped}.`;
  const out = [`${r.unit}; ${r.rounds} rounds per page. Baseline: plain Readability on the same loaded page in the same run.`];
  for (const [set, c] of Object.entries(r.corpora)) {
    out.push(
      '',
      `**${set}** (${c.pages} pages)`,
      '',
      '| extractor | F1 | precision | recall | time per page | × Readability |',
      '|---|---:|---:|---:|---:|---:|',
    );
    for (const [name, e] of Object.entries(c.extractors)) {
      out.push(
        `| ${name} | ${Number(e.f1).toFixed(3)} ± ${Number(e.f1Interval).toFixed(3)} | ${Number(e.precision).toFixed(3)} | ${Number(e.recall).toFixed(3)} | ${e.ms ? `${msShort(e.ms)} ms` : '(same)'} | ${e.ratioToReadability === undefined ? '' : x(e.ratioToReadability)} |`,
      );
    }
    const v = c.moonlitVsReadability;
    out.push('', `Moonlit / Readability time: median per-page ratio ${f2(v.medianPerPageRatio)} (p95 ${f2(v.p95PerPageRatio)}), total ${f2(v.totalRatio)}.`);
  }
  return out.join('\n');
}

function render(r) {
  const row = (name, t) =>
    t
      ? `| ${name} | ${f1(t.totalCpu)} ms | ${f1(t.total)} ms | ${f1(t.longestCpu)} ms | ${f1(t.longest)} ms | ${t.over50Cpu ?? '–'} / ${t.over50} | ${f2(t.p95)} ms |`
      : `| ${name} | – | – | – | – | – | – |`;
  const spread = (name, t) => (t?.spread ? `${name} ${f1(t.spread.totalCpu.min)}–${f1(t.spread.totalCpu.max)} ms` : '');
  return [
    `A ${Math.round(r.bytes / 1024)} KiB Markdown answer streamed in ${r.deltaChars}-character deltas; main-thread time from a Chromium trace. Baseline: a naive renderer (marked + DOMPurify + innerHTML of the whole text per delta) in the same run. Judged by ${r.judgedBy}; load average ${r.loadAverage ?? '?'} on ${r.cores ?? '?'} cores. Medians of ${r.harnessRuns ?? 1} harness runs and ${r.panelRuns ?? 1} real-panel runs; longest task: the longest of any run.`,
    '',
    '| renderer | main-thread CPU | wall clock | longest task, CPU | longest, wall clock | tasks > 50 ms (CPU / wall) | main-thread time per frame, p95 |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('naive (baseline)', r.naive),
    row('MarkdownView (harness)', r.markdownView),
    row('real panel (e2e build, simulator)', r.panel),
    '',
    `Real panel / naive: ${(r.panelVsNaive * 100).toFixed(1)} % of the CPU (wall clock ${((r.panelVsNaiveWall ?? r.panelVsNaive) * 100).toFixed(1)} %), target ≤ ${r.targetRatio * 100} % — ${r.checks?.ratio ? 'met' : 'NOT met'}; longest task ${f1(r.panel?.longestCpu)} ms of CPU (${f1(r.panel?.longest)} ms wall clock), target ≤ ${r.targetLongestMs} ms — ${r.checks?.longestTask ? 'met' : 'NOT met'}.`,
    '',
    `Spread of the CPU totals over the runs: ${[spread('naive', r.naive), spread('MarkdownView', r.markdownView), spread('real panel', r.panel)].filter(Boolean).join('; ')}.`,
  ].join('\n');
}

function pdf(r) {
  if (r.skipped) return `Skipped: ${r.skipped}.`;
  return [
    `Node ${r.node}, pdf.js legacy build, ${r.runs} runs per file, ${r.unit}. Baseline: ${r.baseline}.`,
    '',
    '| file | pages | chars | baseline | extractPdfText | × baseline |',
    '|---|---:|---:|---:|---:|---:|',
    ...r.files.map((f) => `| ${f.file} | ${f.pages} | ${f.chars} | ${msShort(f.baseline)} ms | ${msShort(f.ours)} ms | ${x(f.ratio)} |`),
    '',
    r.target.measuredMs === null
      ? ''
      : `${r.target.file}: ${(r.target.measuredMs / 1000).toFixed(2)} s (target ≤ ${r.target.ms / 1000} s) — ${r.target.met ? 'met' : 'NOT met'}.`,
  ].join('\n');
}

const RENDERERS = { 'first-token': firstToken, scaling, tabs, sizes, extract, render, pdf };
const TITLES = {
  sizes: 'Sizes and budgets',
  'first-token': 'Overhead to first token',
  scaling: 'Scaling',
  tabs: 'Several tabs in one question (bench:tabs)',
  extract: 'Extraction quality and speed (bench:extract)',
  render: 'Streaming render (bench:render)',
  pdf: 'PDF (bench:pdf)',
};

export function resultsMarkdown(all) {
  const m = all.machine;
  const out = [
    '# Moonlit benchmarks',
    '',
    `Generated by \`npm run bench\` on ${all.date}. Commit ${all.commit}.`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB memory, load average at start ${m.loadAtStart}; ${m.os}. Chromium ${m.chromium}; Node ${m.node}.`,
    '',
    'Figures are medians with p95 (and min–max where shown). Every benchmark is compared with a baseline measured in the same run; on a busy machine the ratio is the figure to trust.',
  ];
  for (const [name, b] of Object.entries(all.benches)) {
    out.push('', `## ${TITLES[name] ?? name}`, '');
    if (b.results && RENDERERS[name]) out.push(RENDERERS[name](b.results));
    else if (b.results) out.push('```json', JSON.stringify(b.results, null, 2), '```');
    else if ((b.stdout || '').trim()) out.push('Its printed output (the script writes no `--json` file yet):', '', '```text', b.stdout.trim(), '```');
    if (!b.ok)
      out.push(
        '',
        `**Exited with code ${b.exitCode}** (a failed run, or a target the script checks was missed). Last lines on stderr:`,
        '',
        '```text',
        (b.stderrTail || '').trim().split('\n').slice(-15).join('\n'),
        '```',
      );
    out.push(
      '',
      `_Ran ${b.date ?? all.date} for ${b.seconds} s${b.load ? `, load average ${b.load.atStart} at the start and ${b.load.atEnd} at the end` : ''}: \`${b.command}\`_`,
    );
  }
  return out.join('\n') + '\n';
}
