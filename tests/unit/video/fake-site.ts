// A video page and its services for the method tests: a document with the page's inline data,
// and a fetch that answers from a route table and records what was asked.
import { Window as HappyWindow } from 'happy-dom';

export interface FakeSite {
  doc: Document;
  win: Window & typeof globalThis;
  fetch: typeof fetch;
  asked: string[];
}

type Route = (url: URL) => { status?: number; body: string } | undefined;

export function fakeSite(url: string, html: string, routes: Route[], resources: string[] = []): FakeSite {
  const happy = new HappyWindow({ url });
  happy.document.write(html);
  const asked: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    asked.push(href);
    const u = new URL(href);
    for (const route of routes) {
      const r = route(u);
      if (r) return new Response(r.body, { status: r.status ?? 200 });
    }
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  const win = Object.assign(Object.create(happy as object), {
    DOMParser: happy.DOMParser,
    performance: { getEntriesByType: (kind: string) => (kind === 'resource' ? resources.map((name) => ({ name })) : []) },
  }) as Window & typeof globalThis;
  return { doc: happy.document as unknown as Document, win, fetch: fetchImpl, asked };
}

export const route =
  (host: string, path: string, body: unknown, status = 200): Route =>
  (u) =>
    u.hostname === host && u.pathname === path ? { status, body: typeof body === 'string' ? body : JSON.stringify(body) } : undefined;

export const script = (assignment: string, data: unknown): string => `<script>${assignment}${JSON.stringify(data)};var other = {"a":1};</script>`;
