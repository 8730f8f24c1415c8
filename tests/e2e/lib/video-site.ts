// A local HTTPS server that answers as www.youtube.com, m.youtube.com, youtu.be, www.bilibili.com, api.bilibili.com
// and b23.tv, with a throwaway self-signed certificate made by openssl at start. Only the test browser is pointed at
// it (Chromium's --host-resolver-rules and --ignore-certificate-errors, via `chromeArgs`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BILI, YT, biliPlayer, biliSubtitle, bilibiliPage, json3, youtubePage } from './video-fixtures';

export const VIDEO_HOSTS = ['www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.bilibili.com', 'api.bilibili.com', 'b23.tv'];

export interface VideoSite {
  port: number;
  /** Every request: host and path with query. */
  requests: { host: string; path: string }[];
  /** The switches that point a Chromium at this server. */
  chromeArgs: string[];
  /** Firefox has no host rules: its profile gets a PAC that sends the video hosts to a CONNECT proxy that tunnels here. */
  firefoxPrefs: Record<string, string | number | boolean>;
  close(): Promise<void>;
}

/** A self-signed certificate for the video hosts, valid one day, made in a temporary folder and read back. */
function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'moonlit-video-cert-'));
  try {
    const san = VIDEO_HOSTS.map((h) => `DNS:${h}`).join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=moonlit-video-test',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ytById = (id: string | null) => Object.values(YT).find((v) => v.id === id);
const biliById = (bvid: string | null) => Object.values(BILI).find((v) => v.bvid === bvid);
/** A key image name of 32 hex characters, as the nav answer gives them; any will do, the signature is only checked for shape. */
const WBI_IMG = 'https://i0.hdslb.com/bfs/wbi/0f1e2d3c4b5a69788796a5b4c3d2e1f0.png';
const WBI_SUB = 'https://i0.hdslb.com/bfs/wbi/a1b2c3d4e5f60718293a4b5c6d7e8f90.png';

export async function startVideoSite(): Promise<VideoSite> {
  const requests: VideoSite['requests'] = [];
  const server: Server = createServer(throwawayCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push({ host, path: url.pathname + url.search });
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    const send = (type: string, body: string) =>
      res
        .writeHead(200, {
          'content-type': type,
          'cache-control': 'no-store',
          // The page's own origin may read it with its cookies, as on the real sites.
          'access-control-allow-origin': req.headers.origin ?? '*',
          'access-control-allow-credentials': 'true',
        })
        .end(body);
    const json = (v: unknown) => send('application/json; charset=utf-8', JSON.stringify(v));
    const notFound = () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const segs = url.pathname.split('/').filter(Boolean);

    if (host === 'www.youtube.com' || host === 'm.youtube.com') {
      if (url.pathname === '/watch' || segs[0] === 'shorts') {
        const v = ytById(url.pathname === '/watch' ? url.searchParams.get('v') : segs[1]);
        return v ? html(youtubePage(v)) : notFound();
      }
      if (url.pathname === '/api/timedtext') {
        const v = ytById(url.searchParams.get('v'));
        if (!v || url.searchParams.get('fmt') !== 'json3') return notFound();
        return send('application/json; charset=utf-8', json3(v));
      }
      return notFound();
    }
    if (host === 'youtu.be') return void res.writeHead(301, { location: `https://www.youtube.com/watch?v=${segs[0]}` }).end();
    if (host === 'b23.tv') return void res.writeHead(302, { location: `https://www.bilibili.com/video/${BILI.parts.bvid}?p=2` }).end();
    if (host === 'www.bilibili.com' && segs[0] === 'video') {
      const v = biliById(segs[1] ?? null);
      return v ? html(bilibiliPage(v)) : notFound();
    }
    if (host === 'api.bilibili.com') {
      if (url.pathname === '/x/web-interface/nav')
        return json({ code: -101, message: '账号未登录', ttl: 1, data: { isLogin: false, wbi_img: { img_url: WBI_IMG, sub_url: WBI_SUB } } });
      if (url.pathname === '/x/player/pagelist') {
        const v = biliById(url.searchParams.get('bvid'));
        return v
          ? json({ code: 0, data: v.parts.map((p, i) => ({ cid: p.cid, page: i + 1, part: p.part, duration: p.duration })) })
          : json({ code: -404, message: '啥都木有' });
      }
      if (url.pathname === '/x/player/wbi/v2') {
        const q = url.searchParams;
        // A signed query has its time and a 32-hex signature; the real check needs the real key, so only the shape is checked.
        if (!/^\d+$/.test(q.get('wts') ?? '') || !/^[0-9a-f]{32}$/.test(q.get('w_rid') ?? '')) return json({ code: -403, message: '访问权限不足' });
        const v = biliById(q.get('bvid'));
        return v ? json(biliPlayer(v, Number(q.get('cid')))) : json({ code: -404, message: '啥都木有' });
      }
      if (segs[0] === 'test-subtitles') {
        const cid = Number(segs[1]?.replace('.json', ''));
        const v = Object.values(BILI).find((b) => b.parts.some((p) => p.cid === cid));
        return v ? json(biliSubtitle(v, cid)) : notFound();
      }
    }
    notFound();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('video site has no port');
  const port = address.port;
  // The proxy only tunnels CONNECT to the video hosts, to this server; anything else is refused.
  const proxy = createHttpServer((_, res) => res.writeHead(405).end());
  // A tunnel's sockets leave the HTTP server's books (closeAllConnections does not reach them): kept here, so
  // close() never waits on a tunnel the browser left open.
  const tunnels = new Set<{ destroy(): void }>();
  proxy.on('connect', (req, client, head) => {
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    const host = (req.url ?? '').split(':')[0];
    if (!VIDEO_HOSTS.includes(host)) return void client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(upstream);
    upstream.on('close', () => (tunnels.delete(upstream), client.destroy()));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()));
  const proxyPort = (proxy.address() as { port: number }).port;
  const pac = `function FindProxyForURL(url, host) { return ${JSON.stringify(VIDEO_HOSTS)}.indexOf(host) >= 0 ? "PROXY 127.0.0.1:${proxyPort}" : "DIRECT"; }`;
  return {
    port,
    requests,
    chromeArgs: [`--host-resolver-rules=${VIDEO_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',')}`, '--ignore-certificate-errors'],
    firefoxPrefs: { 'network.proxy.type': 2, 'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig,${encodeURIComponent(pac)}` },
    close: async () => {
      proxy.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
