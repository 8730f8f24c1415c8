/**
 * Children as the user sees them: an open shadow root replaces the light
 * children of its host, a <slot> shows what was assigned to it, and a
 * same-origin frame shows its body. Cross-origin frames give null and are
 * skipped, as the browser would not let us read them anyway.
 */
export function walkChildren(node: Node, visit: (child: Node) => void): void {
  for (let c = flatFirst(node); c; c = c.nextSibling) visit(c);
  const slot = node as HTMLSlotElement;
  if (slot.tagName === 'SLOT' && typeof slot.assignedNodes === 'function') {
    for (const a of slot.assignedNodes()) visit(a);
  }
}

function flatFirst(node: Node): Node | null {
  const el = node as Element;
  if (el.nodeType !== 1) return node.firstChild;
  if (el.shadowRoot) return el.shadowRoot.firstChild;
  const tag = el.tagName;
  if (tag === 'IFRAME' || tag === 'FRAME') return frameBody(el as HTMLIFrameElement)?.firstChild ?? null;
  // A slot with assigned nodes shows those instead of its fallback content.
  if (tag === 'SLOT' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
    if ((el as HTMLSlotElement).assignedNodes().length) return null;
  }
  return node.firstChild;
}

export function frameBody(frame: HTMLIFrameElement): HTMLElement | null {
  try {
    return frame.contentDocument?.body ?? null;
  } catch {
    return null;
  }
}
