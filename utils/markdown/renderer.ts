import type { RendererObject, Tokens } from 'marked';
import { escapeHtml, escapeText } from './escape';
import { safeHref } from './safe-url';

/**
 * Renderer overrides that keep model output inert: raw HTML is shown as text,
 * links keep only http(s)/mailto, and images become a link-like text that is
 * never loaded. Whatever this emits still goes through the sanitizer.
 */
let insideLink = 0;

export const safeRenderer: RendererObject = {
  html({ text }: Tokens.HTML | Tokens.Tag) {
    return escapeHtml(text);
  },
  text(token: Tokens.Text | Tokens.Escape) {
    if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
    return escapeText(token.text);
  },
  link({ href, title, tokens }: Tokens.Link) {
    const url = safeHref(href);
    if (url === null || insideLink > 0) return this.parser.parseInline(tokens);
    insideLink++;
    try {
      const body = this.parser.parseInline(tokens);
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(url)}"${titleAttr}>${body}</a>`;
    } finally {
      insideLink--;
    }
  },
  image({ href, text }: Tokens.Image) {
    // Loading an image would send a request chosen by the model (an exfiltration channel).
    const label = `🖼 ${text} (${href})`;
    const url = safeHref(href, true);
    if (url === null || insideLink > 0) return `<span class="md-image">${escapeHtml(label)}</span>`;
    return `<a class="md-image" href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  },
  checkbox({ checked }: Tokens.Checkbox) {
    // A disabled <input> would need form elements in the allow-list; a glyph does the job.
    return checked ? '☑ ' : '☐ ';
  },
};
