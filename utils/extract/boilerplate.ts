/**
 * What counts as page furniture rather than content: navigation, menus,
 * cookie banners, share bars, "related" lists, ads. Used to clean the copy
 * before Readability and to filter the body in the fallback.
 */
export const JUNK_TAGS =
  'script:not([type="application/ld+json"]), style, noscript, template, link, svg, canvas, object, embed, button, select, textarea, input, dialog';

export const CHROME_TAGS =
  'nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], [role=alertdialog]';

const JUNK_WORDS =
  /(^|[-_\s])(cookie|consent|gdpr|banner|newsletter|subscribe|signup|share|sharing|social|related|recommend|promo|sponsor|advert|ads?|outbrain|taboola|breadcrumbs?|menu|navbar|sidebar|skip-link|popup|modal|paywall|toolbar|footer|masthead)([-_\s]|$)/i;

/** True for elements the body fallback leaves out. */
export function isBoilerplate(el: Element): boolean {
  if (el.matches(CHROME_TAGS) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const marker = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  return marker.length > 1 && JUNK_WORDS.test(marker);
}

/** Removes scripts, styles and controls from a copy, before any extractor runs. */
export function stripJunk(root: ParentNode, selector = JUNK_TAGS): void {
  for (const el of Array.from(root.querySelectorAll(selector))) el.remove();
}

/** Page furniture outside any article, removed before Readability scores the copy. */
export const OUTER_CHROME = 'nav, aside, footer, [role=navigation], [role=complementary], [role=contentinfo]';
