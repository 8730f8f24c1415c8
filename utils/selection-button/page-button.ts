// The selection button in a page: a small "Kimi" button beside the user's selection, in its own closed shadow
// root, that opens three actions for the selection. It only reads the selection; the worker opens the panel.
// No extension API here (the entrypoint passes `send` and the strings), and nothing is kept in the page's globals.
export type SelectionKind = 'explain-selection' | 'summarize-selection' | 'translate-selection';
export interface ButtonStrings {
  open: string;
  actions: [SelectionKind, string][];
}

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
/** Larger selections still open the panel, which reads the live selection itself; the message stays small. */
const MAX_SENT = 20_000;

const CSS =
  ':host{all:initial;position:absolute;z-index:2147483647}' +
  'div{display:flex;gap:4px;font:13px system-ui,sans-serif}' +
  'button{all:unset;cursor:pointer;padding:3px 8px;border-radius:6px;background:#1b1b3a;color:#fff;box-shadow:0 1px 4px #0005}' +
  'button:focus-visible{outline:2px solid #7aa2ff;outline-offset:1px}';

function inEditable(doc: Document, sel: Selection): boolean {
  const node = sel.anchorNode;
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  const active = doc.activeElement as HTMLElement | null;
  return !!el?.closest(EDITABLE) || !!active?.closest?.(EDITABLE) || !!active?.isContentEditable;
}

/** Installs the button in `doc`; `send` tells the worker which action the user picked. */
export function installSelectionButton(doc: Document, win: Window, strings: ButtonStrings, send: (kind: SelectionKind, selection: string) => void): void {
  const host = doc.createElement('moonlit-selection');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const bar = doc.createElement('div');
  root.append(style, bar);
  let text = '';
  // The selection the user already acted on or put away: the button comes back only for another one.
  let dismissed = '';

  const button = (label: string, onClick: () => void) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', (e) => e.isTrusted && onClick());
    return b;
  };
  const hide = () => host.remove();
  const dismiss = () => ((dismissed = text), hide());
  const collapsed = () => {
    const open = button('Kimi', expand);
    open.setAttribute('aria-label', strings.open);
    open.setAttribute('aria-expanded', 'false');
    bar.replaceChildren(open);
  };
  function expand() {
    bar.replaceChildren(...strings.actions.map(([kind, label]) => button(label, () => (dismiss(), send(kind, text.slice(0, MAX_SENT))))));
    (bar.firstElementChild as HTMLElement | null)?.focus();
  }

  const update = (e: Event) => {
    if (!e.isTrusted || e.composedPath().includes(host)) return;
    const sel = win.getSelection();
    text = sel?.toString().trim() ?? '';
    if (!sel || !text || !sel.rangeCount || inEditable(doc, sel)) return hide();
    if (text === dismissed) return;
    const rect = sel.getRangeAt(sel.rangeCount - 1).getBoundingClientRect();
    host.style.top = `${rect.bottom + win.scrollY + 6}px`;
    host.style.left = `${Math.max(0, rect.right + win.scrollX - 40)}px`;
    collapsed();
    if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
  };
  doc.addEventListener('mouseup', update, true);
  doc.addEventListener('keyup', update, true);
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || !host.isConnected) return;
      // Keyboard: Alt+K moves to the button; Escape puts it away.
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        (bar.firstElementChild as HTMLElement | null)?.focus();
      } else if (e.key === 'Escape') dismiss();
    },
    true,
  );
  doc.addEventListener('mousedown', (e) => e.isTrusted && !e.composedPath().includes(host) && hide(), true);
}
