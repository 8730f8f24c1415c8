import { toMarkdown } from './markdown';
import { isBoilerplate } from './boilerplate';

/** Enough text that a semantic container is taken to hold the page's content. */
const ENOUGH = 200;

/**
 * When the article extractor finds too little: the page's own main-content
 * landmarks, then the whole body without navigation and boilerplate. Reads
 * the live DOM (no copy), so shadow roots and frames come along for free.
 */
export function fallbackText(doc: Document): string {
  for (const selector of ['main', 'article', '[role=main]']) {
    const el = doc.querySelector(selector);
    if (!el) continue;
    const text = toMarkdown(el, { skip: isHiddenOrJunk });
    if (text.length >= ENOUGH) return text;
  }
  return doc.body ? toMarkdown(doc.body, { skip: isBoilerplate }) : '';
}

function isHiddenOrJunk(el: Element): boolean {
  return el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || el.matches('nav, aside, [role=navigation]');
}
