// A tiny static server for tests/e2e/fixtures on 127.0.0.1 (random port), so the article is a real http page.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A sentence that appears once in article.html and nowhere else: tests look for it in the chat request. */
export const ARTICLE_SENTENCE = 'The rooftop colony came through its third winter on eleven kilograms of stored honey and a single slab of fondant.';
export const ARTICLE_TITLE = 'Tending a Rooftop Beehive Through the Winter';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  baseUrl: string;
  /** Every request the pages made, so tests can check nothing secret reached them. */
  requests: { url: string; headers: Record<string, string | string[] | undefined> }[];
  url(name: string): string;
  close(): Promise<void>;
}

export async function startFixtureServer(port = 0, dir = FIXTURES_DIR): Promise<FixtureServer> {
  const root = normalize(dir.endsWith(sep) ? dir : dir + sep);
  const requests: FixtureServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = normalize(join(root, path === '/' ? 'article.html' : path));
      // Never serve anything outside the fixtures folder.
      if (!file.startsWith(root)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl,
    requests,
    url: (name) => `${baseUrl}/${name}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
