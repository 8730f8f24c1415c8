// Traps and checks for hostile content: an init script for every page of the browser that turns alert/confirm/
// prompt/print into a recorded hit (window.__pwned) and, on Moonlit's own pages, records every reply and port
// message the background sends (window.__moonlitReplies); and an in-page check of rendered answers.
import { HOSTILE_PAYLOADS } from '../../unit/markdown/payloads';
import { BANNED_TAGS, URL_ATTRS } from '../../unit/markdown/dom-checks';
import type { UiPage } from './ui-driver';

export const TRAP_SCRIPT = `(() => {
  window.__moonlitTrap = true;
  const hit = (what) => function () { window.__pwned = (window.__pwned || []).concat(what); };
  window.alert = hit('alert'); window.confirm = hit('confirm'); window.prompt = hit('prompt'); window.print = hit('print');
  const rt = globalThis.chrome && globalThis.chrome.runtime;
  if (!/^(chrome|moz)-extension:$/.test(location.protocol) || !rt || !rt.sendMessage) return;
  const seen = (window.__moonlitReplies = []);
  const note = (value) => { try { seen.push(JSON.stringify(value === undefined ? null : value)); } catch { seen.push('(unserialisable)'); } };
  const send = rt.sendMessage.bind(rt);
  rt.sendMessage = function (...args) {
    const cb = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    if (cb) return send(...args, (reply) => { note(reply); cb(reply); });
    const p = send(...args);
    return p && typeof p.then === 'function' ? p.then((r) => { note(r); return r; }) : p;
  };
  const connect = rt.connect.bind(rt);
  rt.connect = function (...args) {
    const port = connect(...args);
    port.onMessage.addListener(note);
    return port;
  };
})();`;

export interface TrapState {
  installed: boolean;
  pwned: unknown;
  replies: string[];
}

export const trapState = (page: UiPage): Promise<TrapState> =>
  page.evaluate(() => {
    const w = window as unknown as { __moonlitTrap?: boolean; __pwned?: unknown; __moonlitReplies?: string[] };
    return { installed: w.__moonlitTrap === true, pwned: w.__pwned ?? null, replies: w.__moonlitReplies ?? [] };
  }, null);

/** Groups of payloads, one group per streamed answer. */
export function payloadGroups(size: number): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < HOSTILE_PAYLOADS.length; i += size) groups.push(HOSTILE_PAYLOADS.slice(i, i + size));
  return groups;
}

/**
 * Everything in the rendered answers and questions that hostile text must never produce (the same rules as
 * tests/unit/markdown/dom-checks.ts, run in the real panel): script-capable or embedding elements, event handler
 * and style attributes, URL attributes that load something, links that are not http(s)/mailto opening safely.
 */
export const renderedViolations = (page: UiPage): Promise<string[]> =>
  page.evaluate(
    ({ banned, urlAttrs }) => {
      const found: string[] = [];
      const roots = [...document.querySelectorAll('[data-role="answer"], .question, .page-title')];
      for (const root of roots) {
        for (const el of [...root.querySelectorAll('*')]) {
          const tag = el.localName.toLowerCase();
          const katex = tag === 'math' && el.parentElement?.closest('.md-math-done') !== null;
          if (banned.includes(tag) && !katex) found.push(`<${tag}>`);
          for (const attr of [...el.attributes]) {
            const name = attr.name.toLowerCase();
            if (name.startsWith('on')) found.push(`${tag}[${name}]`);
            if (name === 'style') found.push(`${tag}[style]`);
            if (urlAttrs.includes(name)) found.push(`${tag}[${name}=${attr.value.slice(0, 60)}]`);
          }
          const href = el.getAttribute('href');
          if (href !== null) {
            let scheme = 'relative';
            try {
              scheme = new URL(href).protocol;
            } catch {
              /* relative */
            }
            if (!['http:', 'https:', 'mailto:'].includes(scheme) || tag !== 'a') found.push(`${tag}[href=${href.slice(0, 60)}]`);
            if (el.getAttribute('target') !== '_blank' || el.getAttribute('rel') !== 'noopener noreferrer') found.push(`${tag}[href] opens unsafely`);
          }
        }
      }
      return found;
    },
    { banned: BANNED_TAGS, urlAttrs: URL_ATTRS },
  );
