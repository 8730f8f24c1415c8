/** How much surrounding text goes with a selection. */
export const CONTEXT_CHARS = 600;

import { isSecretField, shownIn, visibleSelectionText } from './visible-text';

const BLOCKS = 'p, li, td, th, dd, blockquote, pre, h1, h2, h3, h4, h5, h6, figcaption, section, article, div';

export interface SelectionInfo {
  selection: string;
  selectionContext?: string;
}

/** The user's selection (also inside a text field, never a password field) plus the text of the block around it; only text the user can see. */
export function readSelection(doc: Document, win: Window): SelectionInfo {
  const field = fieldSelection(doc, win);
  if (field) return field;
  const sel = win.getSelection();
  const selection = sel ? visibleSelectionText(sel, win).trim() : '';
  if (!sel || !selection || !sel.rangeCount) return { selection };
  const node: Node | null = sel.getRangeAt(0).commonAncestorContainer;
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  let context = '';
  // Climb until the block says more than the selection itself.
  for (let hops = 0; el && hops < 6; hops++) {
    const block: Element | null = el.closest(BLOCKS);
    if (!block) break;
    context = squash(block.textContent ?? '');
    if (context.length > selection.length + 20) break;
    el = block.parentElement;
  }
  return { selection, selectionContext: around(context, selection) };
}

function fieldSelection(doc: Document, win: Window): SelectionInfo | null {
  const el = doc.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
  if (!el || !(el.tagName === 'TEXTAREA' || el.tagName === 'INPUT')) return null;
  // A password (even one the page made focused and selected) or a field the user can't see: nothing is read.
  if (isSecretField(el) || !shownIn(win)(el)) return { selection: '' };
  const { selectionStart: start, selectionEnd: end, value } = el;
  if (start == null || end == null || start === end || typeof value !== 'string') return null;
  return { selection: value.slice(start, end).trim(), selectionContext: around(squash(value), squash(value.slice(start, end))) };
}

/** At most CONTEXT_CHARS of `context`, centred on the selection when it is long. */
export function around(context: string, selection: string): string | undefined {
  if (!context || context === squash(selection)) return undefined;
  if (context.length <= CONTEXT_CHARS) return context;
  const at = Math.max(0, context.indexOf(squash(selection).slice(0, 80)));
  const room = Math.max(0, CONTEXT_CHARS - Math.min(selection.length, CONTEXT_CHARS)) / 2;
  const start = Math.max(0, Math.min(at - room, context.length - CONTEXT_CHARS));
  const slice = context.slice(start, start + CONTEXT_CHARS);
  return (start > 0 ? '…' : '') + slice + (start + CONTEXT_CHARS < context.length ? '…' : '');
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
