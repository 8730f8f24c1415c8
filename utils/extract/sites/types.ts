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
