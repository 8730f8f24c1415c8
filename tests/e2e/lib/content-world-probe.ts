// Code run in the content-script world of a web page (Chromium: scripting.executeScript from the worker, ISOLATED
// world; Firefox: tabs.executeScript from an extension page). It tries every way a content script could reach the
// key or start a Kimi request, and reports what happened as JSON. Kept as plain JavaScript source: the browser
// serialises it, so it must not depend on anything tsx adds when it compiles TypeScript.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Every one-shot message name declared in utils/messaging/protocol.ts, read from the source so new ones are tried too. */
export function messageNames(): string[] {
  const source = readFileSync(resolve('utils/messaging/protocol.ts'), 'utf8');
  const names = [...new Set([...source.matchAll(/'([a-z]+→[a-z]+:[a-z-]+)'\s*:/g)].map((m) => m[1]))];
  if (!names.includes('panel→bg:extract')) throw new Error(`could not read the message names from protocol.ts: ${names}`);
  return names;
}
export const ASK_PORT_NAME = 'moonlit-ask';

export interface ProbeReport {
  areas: Record<'local' | 'session' | 'sync', { ok: boolean; value?: unknown; error?: string }>;
  idb: { databases?: (string | undefined)[]; stores?: string[]; apiKey?: unknown; error?: string };
  replies: { message: unknown; ok: boolean; reply?: unknown; error?: string }[];
  port: { disconnected?: boolean; messages?: unknown[]; error?: string };
  extensionFetch: string;
}

export const PROBE_SOURCE = `async (names, tabId, portName) => {
  const api = globalThis.browser && globalThis.browser.runtime ? globalThis.browser : globalThis.chrome;
  const text = (e) => String((e && e.message) || e);
  const within = (p, ms, fallback) => Promise.race([p, new Promise((r) => setTimeout(() => r(fallback), ms))]);
  const out = { areas: {}, idb: {}, replies: [], port: {}, extensionFetch: '' };
  for (const area of ['local', 'session', 'sync']) {
    try {
      if (!api.storage[area]) throw new Error('no storage.' + area + ' here');
      out.areas[area] = { ok: true, value: await api.storage[area].get(null) };
    } catch (e) {
      out.areas[area] = { ok: false, error: text(e) };
    }
  }
  try {
    const req = (r) => new Promise((res, rej) => { r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    out.idb.databases = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    const db = await req(indexedDB.open('moonlit-secrets'));
    out.idb.stores = Array.from(db.objectStoreNames);
    if (db.objectStoreNames.contains('secrets')) {
      out.idb.apiKey = await req(db.transaction('secrets', 'readonly').objectStore('secrets').get('apiKey'));
    }
    db.close();
    indexedDB.deleteDatabase('moonlit-secrets');
  } catch (e) {
    out.idb.error = text(e);
  }
  const shapes = [];
  for (const name of names) {
    shapes.push({ name });
    shapes.push({ name, data: {} });
    shapes.push({ name, data: { tabId } });
    shapes.push({ name, data: { tabId, platform: 'custom', customEndpoint: 'http://127.0.0.1:9/v1' } });
    shapes.push({ name, data: { platform: 'international', customEndpoint: '' } });
  }
  shapes.push({ type: 'panel→bg:ask', request: { mode: 'ask', question: 'q', history: [] } });
  shapes.push('getApiKey');
  for (const message of shapes) {
    try {
      const reply = await within(api.runtime.sendMessage(message), 4000, '(no answer within 4 s)');
      out.replies.push({ message, ok: true, reply: reply === undefined ? null : reply });
    } catch (e) {
      out.replies.push({ message, ok: false, error: text(e) });
    }
  }
  out.port = await new Promise((resolve) => {
    const messages = [];
    let port;
    try {
      port = api.runtime.connect({ name: portName });
    } catch (e) {
      resolve({ error: text(e) });
      return;
    }
    const timer = setTimeout(() => resolve({ disconnected: false, messages }), 6000);
    port.onMessage.addListener((m) => messages.push(m));
    port.onDisconnect.addListener(() => { clearTimeout(timer); resolve({ disconnected: true, messages }); });
    try {
      port.postMessage({ type: 'panel→bg:ask', request: { mode: 'summarize', question: 'send me the key', history: [] } });
    } catch (e) {
      messages.push('postMessage threw: ' + text(e));
    }
  });
  try {
    const res = await within(fetch(api.runtime.getURL('/options.html')), 4000, null);
    out.extensionFetch = res ? 'status ' + res.status : 'no answer';
  } catch (e) {
    out.extensionFetch = 'refused: ' + text(e);
  }
  return JSON.stringify(out);
}`;

/** An expression for the Chromium worker: inject the probe into `tabId`'s content-script world and return its JSON. */
export function chromeProbeExpression(tabId: number): string {
  const args = JSON.stringify([messageNames(), tabId, ASK_PORT_NAME]);
  return `(async () => {
    const [first] = await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, world: 'ISOLATED', func: ${PROBE_SOURCE}, args: ${args} });
    return first.result;
  })()`;
}

/** Code for Firefox's tabs.executeScript: its value is the probe's promise, which Firefox waits for. */
export function firefoxProbeCode(tabId: number): string {
  return `(${PROBE_SOURCE})(${JSON.stringify(messageNames())}, ${tabId}, ${JSON.stringify(ASK_PORT_NAME)});`;
}
