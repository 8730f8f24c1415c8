// In-page timing probe for the side panel, installed with addInitScript before the panel's own scripts.
// Times are the page's performance.now(); `wall(t)` = performance.timeOrigin + t, comparable across
// the worker and pages of the same browser (and, to the millisecond, with Node's Date.now()).
export const PROBE_SOURCE = `(() => {
  globalThis.__name = (f) => f; // tsx's keepNames helper, for functions passed to page.evaluate
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidepanel.html')) return;
  const now = () => performance.now();
  const B = (globalThis.__bench = { cur: null, wall: (t) => performance.timeOrigin + t });
  // Port messages as the panel receives them: the first and last answer delta, and 'done'.
  const rt = globalThis.chrome && globalThis.chrome.runtime;
  const connect = rt && rt.connect && rt.connect.bind(rt);
  if (connect) {
    rt.connect = (...args) => {
      const port = connect(...args);
      const post = port.postMessage.bind(port);
      port.postMessage = (m) => {
        if (B.cur && m && m.type === 'panel→bg:ask' && B.cur.askAt == null) B.cur.askAt = now();
        return post(m);
      };
      port.onMessage.addListener((m) => {
        const r = B.cur;
        if (!r || !m) return;
        const t = now();
        if (m.type === 'bg→panel:delta' && m.content) {
          if (r.firstDeltaAt == null) r.firstDeltaAt = t;
          r.lastDeltaAt = t;
          r.deltas++;
        }
        if (m.type === 'bg→panel:done') r.doneMsgAt = t;
      });
      return port;
    };
  }
  // The extraction round trip (panel → worker → content script → back): of the bound tab (extractAt, extractedAt),
  // and of the other tabs added to the question (tabsAt: the first asked, tabsDoneAt: the last answered).
  const bound = Number(new URLSearchParams(location.search).get('tabId'));
  const send = rt && rt.sendMessage && rt.sendMessage.bind(rt);
  if (send) {
    rt.sendMessage = (...args) => {
      const r = B.cur;
      const isExtract = r && args[0] && args[0].name === 'panel→bg:extract';
      if (!isExtract) return send(...args);
      const other = args[0].data && args[0].data.tabId !== bound;
      const done = other ? () => { r.tabsDoneAt = now(); } : () => { r.extractedAt = now(); };
      if (other) {
        if (r.tabsAt == null) r.tabsAt = now();
        r.tabExtracts++;
      } else r.extractAt = now();
      const cb = args.findIndex((a) => typeof a === 'function');
      if (cb >= 0) {
        const inner = args[cb];
        args[cb] = (...res) => { done(); return inner(...res); };
        return send(...args);
      }
      const out = send(...args);
      if (out && out.then) out.then(done, () => undefined);
      return out;
    };
  }
  // The click that starts the run (event.timeStamp is on the performance.now() clock).
  document.addEventListener('click', (e) => {
    const r = B.cur;
    const button = e.target && e.target.closest && e.target.closest('button');
    if (r && r.clickAt == null && button && button.textContent.trim() === r.button) r.clickAt = e.timeStamp;
  }, true);
  /** Starts observing answer number \`index\`; \`button\` is the label of the button whose click starts the run. */
  B.arm = (index, button) => {
    if (B.cur && B.cur.stop) B.cur.stop();
    const r = (B.cur = { index, button, clickAt: null, extractAt: null, extractedAt: null, tabsAt: null, tabsDoneAt: null, tabExtracts: 0, askAt: null, firstDeltaAt: null, lastDeltaAt: null, doneMsgAt: null, deltas: 0,
      firstMutAt: null, firstPaintAt: null, doneMutAt: null, donePaintAt: null, finalText: '' });
    const check = () => {
      const el = document.querySelectorAll('[data-role="answer"]')[index];
      if (!el) return;
      const md = el.querySelector('.md');
      if (md && md.textContent && r.firstMutAt == null) {
        r.firstMutAt = now();
        requestAnimationFrame(() => { r.firstPaintAt = now(); });
      }
      const status = el.getAttribute('data-status');
      if (status !== 'streaming' && r.doneMutAt == null && r.firstMutAt != null) {
        r.doneMutAt = now();
        r.status = status;
        r.finalText = el.textContent;
        requestAnimationFrame(() => { r.donePaintAt = now(); if (r.resolve) r.resolve(B.result()); });
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-status'] });
    r.stop = () => mo.disconnect();
  };
  B.result = () => {
    const r = B.cur;
    if (!r || r.donePaintAt == null) return null;
    const { stop, resolve, ...plain } = r;
    return plain;
  };
  // Resolves when the armed answer is painted in full: one call, so nothing polls the page while it is measured.
  B.wait = () => new Promise((resolve) => {
    const r = B.cur;
    if (!r) return resolve(null);
    if (r.donePaintAt != null) return resolve(B.result());
    r.resolve = resolve;
  });
})();`;

/**
 * The baseline: the same request body fetched bare from the panel page (no port, no extraction, no
 * Markdown), writing the first content delta into the DOM and timing the next animation frame; then the
 * last delta → [DONE] → full text in the DOM → next frame. Runs in the page; returns page-clock times.
 */
export const BARE_FETCH_SOURCE = `async ({ url, key, body }) => {
  const now = () => performance.now();
  const out = document.createElement('div');
  document.body.append(out);
  const frame = () => new Promise((r) => requestAnimationFrame(() => r(now())));
  const t0 = now();
  const res = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer ' + key, 'content-type': 'application/json' }, body });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '', text = '', firstAt = null, firstPaint = null, lastAt = null, doneAt = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let i;
    while ((i = buf.indexOf('\\n\\n')) >= 0) {
      const ev = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const data = ev.startsWith('data: ') ? ev.slice(6) : '';
      if (data === '[DONE]') { doneAt = now(); continue; }
      if (!data) continue;
      const delta = JSON.parse(data).choices?.[0]?.delta?.content;
      if (!delta) continue;
      text += delta;
      lastAt = now();
      if (firstAt == null) {
        firstAt = lastAt;
        out.textContent = text;
        firstPaint = await frame();
      }
    }
  }
  out.textContent = text;
  const finalPaint = await frame();
  out.remove();
  return { t0, firstAt, firstPaint, lastAt, doneAt, finalPaint, chars: text.length };
}`;

/**
 * The same probe's worker half, installed (idempotently) before each measured question: when the
 * question arrived on the port, when the worker called fetch for the chat request, and when the
 * response headers came back. Wall-clock times (performance.timeOrigin + now), comparable with the panel's.
 */
export const WORKER_PROBE_SOURCE = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  if (!globalThis.__benchW) {
    const W = (globalThis.__benchW = { askArrivedAt: null, fetchAt: null, responseAt: null, injectAt: null, injectedAt: null, deltaPostAt: null });
    // The page reader's injection, inside the extraction round trip.
    const inject = chrome.scripting.executeScript.bind(chrome.scripting);
    chrome.scripting.executeScript = (...args) => {
      const t = now();
      const out = inject(...args);
      if (W.injectAt == null && out && out.then) {
        W.injectAt = t;
        out.then(() => { W.injectedAt = now(); }, () => undefined);
      }
      return out;
    };
    chrome.runtime.onConnect.addListener((port) => {
      port.onMessage.addListener((m) => {
        if (m && m.type === 'panel→bg:ask' && W.askArrivedAt == null) W.askArrivedAt = now();
      });
      // Moonlit's own listener ran first and holds this same port: its first delta, as posted.
      const post = port.postMessage.bind(port);
      port.postMessage = (m) => {
        if (m && m.type === 'bg→panel:delta' && m.content && W.deltaPostAt == null) W.deltaPostAt = now();
        return post(m);
      };
    });
    const inner = globalThis.fetch;
    globalThis.fetch = function (input, init) {
      const url = String((input && input.url) || input);
      const chat = /\\/chat\\/completions$/.test(url) && W.fetchAt == null;
      // Before the call: fetch's own synchronous work (the body copied out, the request handed over) counts as the fetch.
      if (chat) W.fetchAt = now();
      const out = inner.call(this, input, init);
      if (chat) out.then(() => { W.responseAt = now(); }, () => undefined);
      return out;
    };
  }
  Object.assign(globalThis.__benchW, { askArrivedAt: null, fetchAt: null, responseAt: null, injectAt: null, injectedAt: null, deltaPostAt: null });
  return true;
})()`;
