/**
 * Frame scheduling and a render counter for MarkdownView. Tests swap the scheduler
 * for a manual one and count renders; the panel uses requestAnimationFrame.
 */
export type FrameScheduler = (callback: () => void, win: Window) => () => void;

const animationFrame: FrameScheduler = (callback, win) => {
  const id = win.requestAnimationFrame(() => callback());
  return () => win.cancelAnimationFrame(id);
};

let scheduler: FrameScheduler = animationFrame;

export function scheduleFrame(callback: () => void, win: Window): () => void {
  return scheduler(callback, win);
}

/** Replaces the frame scheduler (tests); returns a function restoring the default. */
export function setFrameScheduler(next: FrameScheduler | null): void {
  scheduler = next ?? animationFrame;
}

/** 'block': a settled block's first build; 'relink': its rebuild for a late link definition. */
export type RenderKind = 'block' | 'relink' | 'tail';
let renderSpy: ((kind: RenderKind, index: number) => void) | null = null;

/** Observes every block DOM build (tests); null to stop. */
export function setRenderSpy(spy: typeof renderSpy): void {
  renderSpy = spy;
}

export function noteRender(kind: RenderKind, index: number): void {
  renderSpy?.(kind, index);
}
