import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { CiteContext } from './cite-links';
import { withoutMarkers } from '@/utils/citations/markers';

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
export function LazyMarkdown(props: { text: string; streaming: boolean; cites?: CiteContext }): JSX.Element {
  const [View, setView] = useState<View | undefined>(() => loaded);
  useEffect(() => {
    if (!View) void preloadMarkdown().then((v) => setView(() => v));
  }, [View]);
  if (View) return <View text={props.text} streaming={props.streaming} cites={props.cites} />;
  return <div class="md-plain">{withoutMarkers(props.text)}</div>;
}
