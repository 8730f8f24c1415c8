/** One site with its own layout that generic extraction reads badly. */
export interface SiteAdapter {
  /** Same as the file name. */
  id: string;
  matches(url: URL, doc: Document): boolean;
  /** null when the page is not the kind this adapter knows (the generic path takes over). */
  extract(doc: Document, win: Window): SiteText | null;
}

export interface SiteText {
  title?: string;
  text: string;
}

/** Markdown of a copy of `el` with `remove` (a selector) taken out first; '' when `el` is null. */
export function cleanedMarkdown(el: Element | null, remove: string, toMd: (n: Node) => string): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  if (remove) for (const junk of Array.from(copy.querySelectorAll(remove))) junk.remove();
  return toMd(copy);
}

export function textOf(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
