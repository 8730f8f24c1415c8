// A loopback HTTP server for generated pages held in memory (random port on 127.0.0.1).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  origin: string;
  url(path: string): string;
  set(path: string, html: string): void;
  close(): Promise<void>;
}

/** `pages` maps a path ("/article.html") to its HTML; more can be added later with `set`. */
export async function startPageServer(pages: Record<string, string> = {}): Promise<PageServer> {
  const map = new Map(Object.entries(pages));
  const server = createServer((req, res) => {
    const body = map.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (body === undefined) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    set: (path, html) => void map.set(path, html),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
