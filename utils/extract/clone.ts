import { frameBody } from './flat-children';

/**
 * A copy of the document for extractors that edit what they read (Readability
 * does). `cloneNode` leaves out open shadow roots and frame contents, so those
 * are grafted in: each host or same-origin frame in the copy gets a flattened
 * copy of what the user sees there.
 */
export function cloneForExtraction(doc: Document): Document {
  const hosts = findHosts(doc);
  const clone = lightCopy(doc);
  // Resolve every target before changing the copy, so child indexes still match.
  const targets = hosts.map((h) => follow(clone.body, pathOf(h, doc.body)));
  hosts.forEach((host, i) => {
    const target = targets[i];
    if (!target) return;
    const flat = flatCopy(host, clone, 0);
    target.replaceWith(flat);
  });
  return clone;
}

/** Shadow hosts and readable frames in the light DOM, outermost only. */
function findHosts(doc: Document): Element[] {
  const found: Element[] = [];
  if (!doc.body) return found;
  const walker = doc.createTreeWalker(doc.body, 1);
  let last: Element | null = null;
  for (let n = walker.nextNode() as Element | null; n; n = walker.nextNode() as Element | null) {
    const frame = n.tagName === 'IFRAME' || n.tagName === 'FRAME';
    if (!n.shadowRoot && !(frame && frameBody(n as HTMLIFrameElement))) continue;
    if (last?.contains(n)) continue;
    found.push(n);
    last = n;
  }
  return found;
}

/**
 * The body plus only the head elements extractors read (title, meta, JSON-LD).
 * Copying a whole head can cost tens of milliseconds: every <style> and
 * <link> in it is parsed again in the copy.
 */
function lightCopy(doc: Document): Document {
  const copy = doc.implementation.createHTMLDocument('');
  for (const attr of ['lang', 'dir']) {
    const value = doc.documentElement.getAttribute(attr);
    if (value) copy.documentElement.setAttribute(attr, value);
  }
  const base = copy.createElement('base');
  base.href = doc.baseURI;
  copy.head.append(base);
  for (const el of Array.from(doc.querySelectorAll('head > title, head > meta, script[type="application/ld+json"]'))) {
    copy.head.append(copy.importNode(el, true));
  }
  if (doc.body) copy.documentElement.replaceChild(copy.importNode(doc.body, true), copy.body);
  return copy;
}

function pathOf(node: Node, root: Node): number[] {
  const path: number[] = [];
  for (let n: Node = node; n !== root && n.parentNode; n = n.parentNode) {
    path.push(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
  }
  return path.reverse();
}

function follow(root: Node | null, path: number[]): ChildNode | null {
  let n: Node | undefined | null = root;
  for (const i of path) n = n?.childNodes[i];
  return (n as ChildNode) ?? null;
}

/** Deeper than any real page; stops runaway recursion on pathological trees. */
const MAX_DEPTH = 400;

/** A copy of `node` with shadow roots, slots and same-origin frames flattened in. */
function flatCopy(node: Node, into: Document, depth: number): Node {
  const el = node as Element;
  if (node.nodeType !== 1 || depth > MAX_DEPTH) return into.importNode(node, true);
  const frame = el.tagName === 'IFRAME' || el.tagName === 'FRAME';
  const body = frame ? frameBody(el as HTMLIFrameElement) : null;
  const slot = el.tagName === 'SLOT' ? (el as HTMLSlotElement).assignedNodes() : [];
  let source: ArrayLike<Node>;
  if (body) source = body.childNodes;
  else if (el.shadowRoot) source = el.shadowRoot.childNodes;
  else if (slot.length) source = slot;
  else source = el.childNodes;
  const copy = body || slot.length ? into.createElement('div') : (into.importNode(node, false) as Element);
  for (const child of Array.from(source)) copy.appendChild(flatCopy(child, into, depth + 1));
  return copy;
}
