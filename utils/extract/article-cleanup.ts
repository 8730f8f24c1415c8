/**
 * Readability keeps some furniture that sits inside article containers:
 * photo captions and credits, bylines and dates, "read more" teasers and
 * lists of links to other stories. Removing them makes the text the model
 * reads closer to the article itself (measured by `npm run bench:extract`).
 */
const FURNITURE_ANYWHERE = /caption|credit|byline|dateline|timestamp|newsletter|recirc|trending|disclaimer|advert/i;
const FURNITURE_WORD =
  /(^|[-_\s])(author|dates?|meta|publish(ed)?|publish-info|updated|share|sharing|social|tags?|related|promo|subscribe|more-stories|read-?more|copyright|ad|ads)([-_\s]|$)/i;
const TEASER = /^\s*(read more|see more|more from|also read|don't miss|related|recommended|you may also like|advertisement|advert)\b/i;

export function cleanArticle(root: Element): void {
  // A class name alone never justifies dropping a big share of the article.
  const small = (el: Element) => (el.textContent ?? '').length < Math.max(300, 0.25 * total);
  const total = (root.textContent ?? '').length;
  for (const el of Array.from(root.querySelectorAll('figcaption, time, address'))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    // Detached trees have no isConnected: check against the root instead.
    if (!root.contains(el) || el.matches('pre, code, table, pre *, table *')) continue;
    const marker = `${typeof el.className === 'string' ? el.className : ''} ${el.id}`;
    if ((FURNITURE_ANYWHERE.test(marker) || FURNITURE_WORD.test(marker)) && small(el)) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('p, h2, h3, h4, h5, h6, ul, ol, div'))) {
    if (root.contains(el) && (isTeaser(el) || (isLinkList(el) && small(el)))) el.remove();
  }
}

function isTeaser(el: Element): boolean {
  const text = el.textContent ?? '';
  return text.length < 200 && TEASER.test(text);
}

/** A block that is mostly links (three or more): a list of other stories, not prose. */
function isLinkList(el: Element): boolean {
  if (el.tagName === 'P' || el.tagName[0] === 'H') return false;
  const links = el.querySelectorAll('a');
  if (links.length < 3) return false;
  const text = (el.textContent ?? '').replace(/\s+/g, '').length;
  let linked = 0;
  for (const a of Array.from(links)) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return text > 0 && linked / text > 0.7;
}
