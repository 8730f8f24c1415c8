const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes every special character: for raw HTML shown as text, and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * Escapes Markdown text but keeps entity references (`&copy;`), which Markdown
 * defines as the character they name. They become text nodes either way.
 */
export function escapeText(text: string): string {
  return text.replace(/[<>"']|&(?!#?\w+;)/g, (c) => ENTITIES[c]);
}
