// Main-thread numbers from a Chromium trace, shared by the harness and real-panel parts of bench:render.

/** The CrRendererMain thread to measure: the one of the process showing `urlPart` if given, else the busiest. */
export function mainThread(events, urlPart) {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (urlPart) {
    const started = events.find((e) => e.name === 'TracingStartedInBrowser');
    const frame = started?.args?.data?.frames?.find((f) => String(f.url ?? '').includes(urlPart));
    const hit = frame && mains.find((m) => m.pid === frame.processId);
    if (hit) return hit;
  }
  let best,
    most = -1;
  for (const m of mains) {
    const busy = events.reduce((s, e) => s + (e.ph === 'X' && e.name === 'RunTask' && e.pid === m.pid && e.tid === m.tid ? e.dur : 0), 0);
    if (busy > most) [best, most] = [m, busy];
  }
  return best;
}

/** What happened inside one task, by event name (children within it, by CPU time where known), longest first. */
function insideTask(onMain, task, firstTs) {
  const names = {};
  for (const e of onMain) {
    if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
    const data = e.args?.data ?? {};
    const what = data.functionName || (data.url ? data.url.split('/').pop() : '') || data.type || '';
    const key = what ? `${e.name}(${what})` : e.name;
    names[key] = Math.max(names[key] ?? 0, (e.tdur ?? e.dur) / 1000);
  }
  const top = Object.entries(names)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(', ');
  return `${(task.dur / 1000).toFixed(1)} ms (cpu ${((task.tdur ?? 0) / 1000).toFixed(1)}) at +${((task.ts - firstTs) / 1000).toFixed(0)} ms: ${top}`;
}

/** Main-thread task totals, the longest task, and main-thread time per painted frame (p95). */
export function analyse(events, urlPart) {
  const main = mainThread(events, urlPart);
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const paints = onMain
    .filter((e) => e.name === 'Paint' || e.name === 'PrePaint')
    .map((e) => e.ts + e.dur)
    .sort((a, b) => a - b);
  const perPaint = [];
  let t = 0;
  for (const p of paints) {
    let sum = 0;
    while (t < tasks.length && tasks[t].ts < p) sum += tasks[t++].dur;
    if (sum > 0) perPaint.push(sum / 1000);
  }
  perPaint.sort((a, b) => a - b);
  const total = tasks.reduce((s, e) => s + e.dur, 0) / 1000;
  const longest = tasks.reduce((m, e) => Math.max(m, e.dur), 0) / 1000;
  const over50 = tasks.filter((e) => e.dur > 50_000).length;
  const over50Cpu = tasks.filter((e) => (e.tdur ?? e.dur) > 50_000).length;
  // tdur is the thread's CPU time: on a busy machine a task's wall time also counts time it spent descheduled.
  const longestCpu = tasks.reduce((m, e) => Math.max(m, e.tdur ?? 0), 0) / 1000;
  const totalCpu = tasks.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000;
  const p95 = perPaint.length ? perPaint[Math.min(perPaint.length - 1, Math.floor(perPaint.length * 0.95))] : 0;
  const byName = {};
  for (const e of onMain) if (e.name !== 'RunTask') byName[e.name] = (byName[e.name] ?? 0) + e.dur / 1000;
  const top = Object.entries(byName)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, v]) => `${k} ${v.toFixed(0)}`)
    .join(', ');
  const firstTs = tasks[0]?.ts ?? 0;
  // The three longest by wall time and the three by CPU time (on a loaded machine they differ).
  const byWall = [...tasks].sort((a, b) => b.dur - a.dur).slice(0, 3);
  const byCpu = [...tasks].sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0)).slice(0, 3);
  const longTasks = [...new Set([...byWall, ...byCpu])].map((task) => insideTask(onMain, task, firstTs));
  return { total, totalCpu, longest, longestCpu, over50, over50Cpu, paints: perPaint.length, p95, top, longTasks };
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'];

export const tableHead = () => [
  '| renderer                 | total ms | (cpu ms) | longest  | (cpu)  | >50 ms | (cpu)  | paints | p95/paint |',
  '|--------------------------|---------:|---------:|---------:|-------:|-------:|-------:|-------:|----------:|',
];

export const tableRow = (name, r) =>
  `| ${name.padEnd(24)} | ${r.total.toFixed(0).padStart(8)} | ${r.totalCpu.toFixed(0).padStart(8)} | ${r.longest.toFixed(1).padStart(8)} | ${r.longestCpu.toFixed(1).padStart(6)} | ${String(r.over50).padStart(6)} | ${String(r.over50Cpu ?? '–').padStart(6)} | ${String(r.paints).padStart(6)} | ${r.p95.toFixed(2).padStart(9)} |`;
