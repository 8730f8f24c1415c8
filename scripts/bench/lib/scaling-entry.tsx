// Browser bundle for the scaling bench (built by esbuild into a temp dir, never committed): the real
// extractor and the real answer renderer, with bare baselines to compare them with in the same page.
import { render } from 'preact';
import { extractPage } from '@/utils/extract';
import { MarkdownView } from '@/components/markdown/markdown-view';

const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
// A task boundary without setTimeout's 4 ms clamp, so deltas arrive as fast as the page takes them.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldTask = () =>
  new Promise<void>((r) => {
    waiting.push(r);
    channel.port2.postMessage(0);
  });

/** extractPage on the loaded document, `runs` times; and the baseline, body.innerText (a layout-aware text read). */
function extract(runs: number) {
  const ours: number[] = [];
  const base: number[] = [];
  let chars = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    chars = extractPage(document, window).text.length;
    ours.push(performance.now() - t);
    t = performance.now();
    void document.body.innerText.length;
    base.push(performance.now() - t);
  }
  return { ours, base, chars };
}

/**
 * Streams `text` in `delta`-character pieces, one task each, into MarkdownView ('markdown') or into a
 * text node ('plain', the baseline), then ends the stream; returns ms from the first delta to the
 * frame after the final text is in the DOM.
 */
async function stream(mode: 'markdown' | 'plain', text: string, delta: number) {
  const root = document.getElementById('root')!;
  render(null, root);
  root.replaceChildren();
  await frame();
  // The baseline: each delta appended as text, a new paragraph at each blank line (no Markdown at all).
  let para = document.createElement('p');
  if (mode === 'plain') root.append(para);
  const appendPlain = (piece: string) => {
    const parts = piece.split('\n\n');
    para.append(parts[0]);
    for (const part of parts.slice(1)) {
      para = document.createElement('p');
      para.append(part);
      root.append(para);
    }
  };
  const t0 = performance.now();
  for (let end = delta; end < text.length + delta; end += delta) {
    const upto = Math.min(end, text.length);
    if (mode === 'plain') appendPlain(text.slice(end - delta, upto));
    else render(<MarkdownView text={text.slice(0, upto)} streaming />, root);
    await yieldTask();
  }
  if (mode === 'markdown') render(<MarkdownView text={text} streaming={false} />, root);
  const t1 = await frame();
  const out = { ms: t1 - t0, elements: root.getElementsByTagName('*').length };
  render(null, root);
  root.replaceChildren();
  return out;
}

Object.assign(globalThis, { __scaling: { extract, stream } });
