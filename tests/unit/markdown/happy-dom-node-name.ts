// happy-dom's Node.prototype.nodeName getter returns '' (subclasses override it).
// DOMPurify reads nodeName through that base getter on purpose (against DOM clobbering),
// so under happy-dom it saw every element as "" and removed or skipped elements. This makes
// the base getter dispatch to the most-derived one, as in browsers. Test environment only;
// a no-op outside a DOM environment or when nodeName already works.
const NodeCtor = (globalThis as { Node?: typeof Node }).Node;
const base = NodeCtor && Object.getOwnPropertyDescriptor(NodeCtor.prototype, 'nodeName');

if (NodeCtor && base?.get && base.get.call(document.createElement('p')) === '') {
  const baseGet = base.get;
  Object.defineProperty(NodeCtor.prototype, 'nodeName', {
    configurable: true,
    get(this: Node) {
      for (let proto = Object.getPrototypeOf(this); proto && proto !== NodeCtor.prototype; proto = Object.getPrototypeOf(proto)) {
        const own = Object.getOwnPropertyDescriptor(proto, 'nodeName');
        if (own?.get) return own.get.call(this);
      }
      return baseGet.call(this);
    },
  });
}
export {};
