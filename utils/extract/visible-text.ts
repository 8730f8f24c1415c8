/**
 * What of a selection the user can see. A page can select text itself (on blur, say), including text it keeps
 * hidden; only rendered text goes with a question. aria-hidden is not a reason to drop text: it hides text from
 * screen readers, not from the eyes, so a sighted user may well have selected it.
 */

/** Text fields whose value is never read: a password is a secret, a hidden input is never shown. */
export function isSecretField(el: Element): boolean {
  return el.tagName === 'INPUT' && ['password', 'hidden'].includes(((el as HTMLInputElement).type || '').toLowerCase());
}

const NEVER_SHOWN = 'script, style, noscript, template, [hidden], input[type="password" i], input[type="hidden" i]';

type Shown = (el: Element) => boolean;

/** Whether an element is rendered and visible, remembered per element for one read (so a long selection is linear). */
export function shownIn(win: Window): Shown {
  const known = new Map<Element, boolean>();
  const shown: Shown = (el) => {
    let v = known.get(el);
    if (v !== undefined) return v;
    const style = win.getComputedStyle(el);
    v =
      !el.matches(NEVER_SHOWN) &&
      style.display !== 'none' &&
      style.visibility !== 'hidden' &&
      style.visibility !== 'collapse' &&
      style.opacity !== '0' &&
      style.contentVisibility !== 'hidden' &&
      (!el.parentElement || shown(el.parentElement));
    known.set(el, v);
    return v;
  };
  return shown;
}

/**
 * The selection's text, or only its visible part when some of it is hidden. `toString()` already says it the
 * way the user sees it (line breaks between blocks), so it stays whenever every selected text is shown.
 */
export function visibleSelectionText(sel: Selection, win: Window): string {
  const shown = shownIn(win);
  const hidden: Text[] = [];
  const parts: string[] = [];
  for (let r = 0; r < sel.rangeCount; r++) {
    const range = sel.getRangeAt(r);
    const root = range.commonAncestorContainer;
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = root.nodeType === 3 ? (root as Text) : (walker.nextNode() as Text | null); node; node = walker.nextNode() as Text | null) {
      if (!range.intersectsNode(node)) continue;
      const start = node === range.startContainer ? range.startOffset : 0;
      const end = node === range.endContainer ? range.endOffset : node.data.length;
      const text = node.data.slice(start, end);
      if (!node.parentElement || shown(node.parentElement)) parts.push(text);
      else if (text.trim()) hidden.push(node);
      if (root.nodeType === 3) break;
    }
  }
  if (!hidden.length) return sel.toString();
  return parts.join(' ').replace(/[ \t]+/g, ' ');
}
