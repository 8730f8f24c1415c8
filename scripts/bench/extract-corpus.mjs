// Corpus loading and the loopback server for bench:extract.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** [{ name, pages: [{ id, html, truth? , expectedHtml? }] }] for the corpora that exist. */
export function loadCorpora(corpus) {
  const sets = [];
  const ab = join(corpus, 'article-benchmark');
  if (existsSync(ab)) {
    const truth = JSON.parse(readFileSync(join(ab, 'ground-truth.json'), 'utf8'));
    const pages = readdirSync(join(ab, 'html'))
      .filter((f) => f.endsWith('.html.gz'))
      .sort()
      .map((f) => {
        const id = f.replace(/\.html\.gz$/, '');
        const html = gunzipSync(readFileSync(join(ab, 'html', f)));
        return { id, html, bytes: html.length, truth: truth[id]?.articleBody ?? '' };
      });
    sets.push({ name: 'article-benchmark', pages });
  }
  const rd = join(corpus, 'readability');
  if (existsSync(rd)) {
    const pages = readdirSync(rd, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(rd, d.name, 'source.html')))
      .map((d) => d.name)
      .sort()
      .map((id) => {
        const html = readFileSync(join(rd, id, 'source.html'));
        return { id, html, bytes: html.length, expectedHtml: readFileSync(join(rd, id, 'expected.html'), 'utf8') };
      });
    sets.push({ name: 'readability', pages });
  }
  return sets;
}

/** Serves /<set>/<id>.html on 127.0.0.1; everything else is 404. */
export function startServer(sets) {
  const byPath = new Map();
  for (const s of sets) for (const p of s.pages) byPath.set(`/${s.name}/${p.id}.html`, p.html);
  const server = createServer((req, res) => {
    const body = byPath.get(new URL(req.url, 'http://x').pathname);
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}
