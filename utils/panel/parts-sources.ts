/**
 * What a run in parts reads: one or more sources (a long page today; several tabs later), each cut into
 * parts that fit the model. With citations, passages are numbered once across all the sources, in order,
 * so a part, its notes and the final answer all carry the numbers the panel links to the original passages.
 */
import type { PageContent } from '../sources/types';
import type { TabText } from '../messaging/types';
import { isPdfText, markPassages } from '../citations/passages';
import { splitIntoParts } from './parts';

export interface PartsSource {
  /** Names the source in the notes when there are several (a tab's title); page-controlled, so made one safe line where used. */
  label: string;
  /** The page the source's parts are sent as (its text is replaced by each part's). */
  page: PageContent;
}

export interface Part {
  /** Index into the sources. */
  source: number;
  text: string;
}

/** The single source of one page, as the panel read it; the selection does not go with a part. */
export const sourcesOfPage = (page: PageContent): PartsSource[] => [{ label: page.title, page: { ...page, selection: '', selectionContext: undefined } }];

/** Another tab added to the question, read in parts like the page. */
export const sourceOfTab = (tab: TabText): PartsSource => ({
  label: tab.title,
  page: { url: tab.url, title: tab.title, text: tab.text, selection: '', ...(tab.lang ? { lang: tab.lang } : {}), ...(tab.pdf ? { source: 'pdf' } : {}) },
});

/**
 * Every source marked (when `first` > 0: passages numbered from `first`, continuing from one source to the
 * next) and cut into parts of at most `budget` tokens, in source order. Nothing is dropped: the parts'
 * words are the sources' words, with the markers added.
 */
export function cutSources(sources: PartsSource[], budget: number, first: number): { parts: Part[]; passages: number } {
  const parts: Part[] = [];
  let next = first;
  sources.forEach((s, source) => {
    let text = s.page.text;
    if (first > 0) {
      const marked = markPassages(text, isPdfText(s.page), next);
      text = marked.text;
      next += marked.count;
    }
    for (const piece of splitIntoParts(text, budget)) parts.push({ source, text: piece });
  });
  return { parts, passages: first > 0 ? next - first : 0 };
}
