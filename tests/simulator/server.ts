// The Kimi API simulator: a real HTTP server on 127.0.0.1 speaking the protocol of /work/shared/docs/kimi-api.md.
// See README.md in this folder for the endpoints, the token rule and the ChatBehaviour knobs.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAuth, lowerHeaders, MAX_LOGGED_BODY, parseJson, readBody, sendError, type Ctx } from './http-util';
import { handleChat } from './routes/chat';
import { handleControl, setBalance } from './routes/control';
import { handleFiles } from './routes/files';
import { handleBalance, handleEstimate, handleModels } from './routes/misc';
import { SimState } from './state';
import type { Balance, ChatBehaviour, RecordedRequest, SimulatorOptions } from './types';

export { DEFAULT_KEY } from './state';
export { DEFAULT_MODELS } from './models';
export type { Balance, ChatBehaviour, RecordedRequest, SimModel, SimulatorOptions } from './types';

export interface Simulator {
  /** 'http://127.0.0.1:PORT' */
  url: string;
  /** url + '/v1' */
  baseUrl: string;
  port: number;
  /** The first accepted key (DEFAULT_KEY unless options.keys says otherwise). */
  key: string;
  /** Every request except /__sim/* control calls, oldest first. Cleared in place by reset(). */
  log: RecordedRequest[];
  /** Queue behaviours: each POST /v1/chat/completions takes the next; when empty the default applies. */
  script(...behaviours: ChatBehaviour[]): void;
  setDefault(b: ChatBehaviour): void;
  /** Changes the balance; available_balance follows cash + voucher unless given. */
  setBalance(b: Partial<Balance>): void;
  /** Clears log, queue, default behaviour, uploaded files, the prefix cache; restores the default balance. */
  reset(): void;
  close(): Promise<void>;
}

const MB = 1024 * 1024;

async function handle(state: SimState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const receivedAt = Date.now();
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const { body, tooLarge } = await readBody(req, Math.max(state.maxFileBytes, 100 * MB) + MB);
  const json = parseJson(body);
  const aborter = new AbortController();
  const ctx: Ctx = { req, res, state, body, bodyTooLarge: tooLarge, json, url, signal: AbortSignal.any([aborter.signal, state.closing.signal]) };
  res.on('close', () => {
    if (ctx.rec) ctx.rec.closedAt = Date.now();
    aborter.abort();
  });
  if (path.startsWith('/__sim/')) return handleControl(ctx, method, path);

  const text = body.length > MAX_LOGGED_BODY ? body.subarray(0, MAX_LOGGED_BODY).toString('utf8') : body.toString('utf8');
  ctx.rec = { id: state.recordId(), method, path: path + url.search, headers: lowerHeaders(req), body: text, receivedAt };
  if (json !== undefined) ctx.rec.json = json;
  state.log.push(ctx.rec);

  if (!path.startsWith('/v1/')) return sendError(ctx, 404, 'resource_not_found_error', `Not found: ${path}`);
  if (method === 'POST' && path === '/v1/chat/completions') return handleChat(ctx);
  if (!checkAuth(ctx)) return;
  if (method === 'GET' && path === '/v1/models') return handleModels(ctx);
  if (method === 'GET' && path === '/v1/users/me/balance') return handleBalance(ctx);
  if (method === 'POST' && path === '/v1/tokenizers/estimate-token-count') return handleEstimate(ctx);
  if (handleFiles(ctx, method, path)) return;
  sendError(ctx, 404, 'resource_not_found_error', `Not found: ${method} ${path}`);
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const state = new SimState(opts);
  const server = createServer((req, res) => {
    handle(state, req, res).catch((err: unknown) => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: String(err), type: 'server_error' } }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    baseUrl: `${url}/v1`,
    port,
    key: [...state.keys][0],
    log: state.log,
    script: (...behaviours) => void state.queue.push(...behaviours),
    setDefault: (b) => void (state.defaultBehaviour = b),
    setBalance: (b) => setBalance(state, b),
    reset: () => state.reset(),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        state.closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
