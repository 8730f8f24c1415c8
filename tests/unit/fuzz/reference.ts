/**
 * The regex versions these scanners replaced, kept as test oracles: on short inputs (where they
 * are still fast) the new code must give the same results. Never used by the product.
 */
const ITEM = String.raw`P\d{1,5}(?:\s*[-–—~]\s*P?\d{1,5})?`;
const SEP = String.raw`\s*[,;，；、]?\s*`;
const GROUP = String.raw`[[【]\s*${ITEM}(?:${SEP}${ITEM})*\s*[\]】]`;

export function oldMarkerGroups(text: string): string[] {
  return Array.from(text.matchAll(new RegExp(GROUP, 'gi')), (m) => m[0]);
}

export function oldWithoutMarkers(answer: string): string {
  return answer.replace(new RegExp(String.raw`\s?${GROUP}`, 'gi'), '');
}

export function oldLinkText(s: string): string {
  return s.replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)/g, '$1');
}

const SLUG = /\S+\.(?:qxd|qxp|indd|pm[0-9]|p65|fm|eps)\b.*\d{1,2}\/\d{1,2}\/\d{2,4}/i;
const MARK_ONLY = /^[\s\u2295\u2316\u25ce\u271b+|—_]+$/;

export function oldCleanPageText(text: string): string {
  return text
    .split('\n')
    .filter((line) => !SLUG.test(line) && !(line.trim() && MARK_ONLY.test(line)))
    .join('\n')
    .replace(/\u00ad/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre|hr|dt|dd)\b[^>]*>/gi;

/** The old htmlToText before entity decoding and space clean-up (those parts are unchanged). */
export function oldStripTags(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/(?:td|th)\s*>/gi, '\t')
    .replace(BLOCK, '\n')
    .replace(/<[^>]*>/g, '');
}

export function oldSpacesAroundBreaks(text: string): string {
  return text.replace(/ *\n */g, '\n');
}
