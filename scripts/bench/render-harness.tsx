// Bundled by scripts/bench/render.mjs into a temp dir (never committed): mounts
// MarkdownView or a naive renderer and streams an answer into it, one delta per task.
import { render } from 'preact';
import { marked } from 'marked';
import DOMPurify from 'dompurify';
import { MarkdownView } from '@/components/markdown/markdown-view';
import { setFrameScheduler, setRenderSpy } from '@/components/markdown/frame';
import { sampleAnswer } from '@/tests/unit/markdown/sample-answer';

function answer(bytes: number): string {
  let n = 1;
  while (sampleAnswer(n).length < bytes) n++;
  return sampleAnswer(n).slice(0, bytes);
}

function naive(root: HTMLElement) {
  return (text: string) => {
    root.innerHTML = DOMPurify.sanitize(marked.parse(text) as string);
  };
}

function incremental(root: HTMLElement) {
  return (text: string, done = false) => render(<MarkdownView text={text} streaming={!done} />, root);
}

/** Streams the answer in `size`-character deltas, each in its own task spaced `gapMs` apart. */
async function run(kind: 'naive' | 'incremental', bytes: number, size: number, gapMs: number) {
  const root = document.getElementById('root')!;
  root.replaceChildren();
  const text = answer(bytes);
  const show = kind === 'naive' ? naive(root) : incremental(root);
  for (let end = size; end < text.length + size; end += size) {
    await new Promise((r) => setTimeout(r, gapMs));
    show(text.slice(0, Math.min(end, text.length)));
  }
  await new Promise((r) => setTimeout(r, gapMs));
  if (kind === 'incremental') (show as (t: string, d: boolean) => void)(text, true);
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  return {
    length: text.length,
    deltas: Math.ceil(text.length / size),
    html: root.innerHTML.length,
    math: root.querySelectorAll('math').length,
    copy: root.querySelectorAll('button.md-copy').length,
  };
}

(window as unknown as { bench: typeof run }).bench = run;

// Diagnosis (BENCH_DETAIL): the synchronous part of MarkdownView's slowest frames (engine update and tail size;
// block builds run in Preact's render microtask, after it).
interface FrameNote {
  ms: number;
  block: number;
  relink: number;
  tail: number;
  tailChars: number;
  at: number;
}
const frames: FrameNote[] = [];
let current: FrameNote | null = null;
// Only in detail runs (?detail): the timing wrapper itself costs a little per frame.
const detail = new URLSearchParams(location.search).has('detail');
if (detail)
  setRenderSpy((kind) => {
    if (current) current[kind]++;
  });
if (detail)
  setFrameScheduler((callback, win) => {
    const id = win.requestAnimationFrame(() => {
      const note: FrameNote = { ms: 0, block: 0, relink: 0, tail: 0, tailChars: 0, at: performance.now() };
      current = note;
      const t0 = performance.now();
      callback();
      note.ms = performance.now() - t0;
      note.tailChars = document.querySelector('.md-tail')?.textContent?.length ?? 0;
      current = null;
      frames.push(note);
    });
    return () => win.cancelAnimationFrame(id);
  });
(window as unknown as { benchFrames: () => FrameNote[] }).benchFrames = () =>
  frames
    .slice()
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
