/** Everything in `root` that hostile output must never produce; empty when safe. */
export const BANNED_TAGS = [
  'script',
  'img',
  'iframe',
  'object',
  'embed',
  'svg',
  'foreignobject',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'textarea',
  'select',
  'video',
  'audio',
  'source',
  'picture',
  'template',
  'frame',
  'math',
];
export const URL_ATTRS = ['src', 'srcset', 'xlink:href', 'action', 'formaction', 'background', 'ping', 'poster', 'data'];
const SCHEMES = new Set(['http:', 'https:', 'mailto:']);

export function violations(root: Element): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    // MathML is allowed only as KaTeX output inside a rendered math placeholder.
    const katexMath = tag === 'math' && el.parentElement?.closest('.md-math-done') !== null;
    if (BANNED_TAGS.includes(tag) && !katexMath) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'style') found.push(`${tag}[style]`);
      if (URL_ATTRS.includes(name)) found.push(`${tag}[${name}]`);
    }
    const href = el.getAttribute('href');
    if (href !== null) {
      let scheme = '';
      try {
        scheme = new URL(href).protocol;
      } catch {
        scheme = 'relative';
      }
      if (!SCHEMES.has(scheme) || tag !== 'a') found.push(`${tag}[href=${href}]`);
      if (el.getAttribute('target') !== '_blank' || el.getAttribute('rel') !== 'noopener noreferrer') {
        found.push(`${tag}[href] without target/rel`);
      }
    }
  }
  return found;
}
