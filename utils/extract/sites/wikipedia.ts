import type { SiteAdapter } from '../site-adapter';
import { cleanedMarkdown, textOf } from '../site-adapter';
import { toMarkdown } from '../markdown';

/**
 * Wikipedia articles: the article body without edit links, footnote markers,
 * navigation boxes and maintenance banners. Infoboxes stay (they hold facts).
 *
 * Try by hand:
 * - https://en.wikipedia.org/wiki/Moon
 * - https://zh.wikipedia.org/wiki/月球
 * - https://en.wikipedia.org/wiki/List_of_lunar_probes (long tables)
 */
const NOISE =
  '.mw-editsection, sup.reference, .reference, .navbox, .vertical-navbox, .navbox-styles, .metadata, .ambox, ' +
  '.mw-empty-elt, #toc, .toc, .noprint, .mw-jump-link, .shortdescription, style, link';

export const wikipedia: SiteAdapter = {
  id: 'wikipedia',
  matches: (url) => /(^|\.)wikipedia\.org$/.test(url.hostname) && url.pathname.startsWith('/wiki/'),
  extract(doc) {
    const body = doc.querySelector('#mw-content-text .mw-parser-output') ?? doc.querySelector('#mw-content-text');
    const text = cleanedMarkdown(body, NOISE, toMarkdown);
    if (!text) return null;
    return { title: textOf(doc.querySelector('#firstHeading')) || undefined, text };
  },
};
