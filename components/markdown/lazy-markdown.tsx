import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';

type View = typeof import('./markdown-view').MarkdownView;

let loading: Promise<View> | undefined;
let loaded: View | undefined;

/**
 * Fetches the Markdown renderer (marked + DOMPurify, about half the panel's
 * code) after the panel's first paint instead of before it. Call it early —
 * on mount — so it is ready long before Kimi's first token arrives.
 */
export function preloadMarkdown(): Promise<View> {
  loading ??= import('./markdown-view').then((m) => (loaded = m.MarkdownView));
  return loading;
}

/** The answer as Markdown; plain text for the moment the renderer is still loading. */
export function LazyMarkdown(props: { text: string; streaming: boolean }): JSX.Element {
  const [View, setView] = useState<View | undefined>(() => loaded);
  useEffect(() => {
    if (!View) void preloadMarkdown().then((v) => setView(() => v));
  }, [View]);
  if (View) return <View text={props.text} streaming={props.streaming} />;
  return <div class="md-plain">{props.text}</div>;
}
