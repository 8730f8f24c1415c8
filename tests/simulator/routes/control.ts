// /__sim/* control calls (no auth, not logged) so another process — an e2e script, the demo — can steer the simulator.
import { sendJson, type Ctx } from '../http-util';
import type { SimState } from '../state';
import type { Balance, ChatBehaviour } from '../types';

const ROUTES = new Set([
  'GET /__sim/health',
  'GET /__sim/log',
  'POST /__sim/script',
  'POST /__sim/default',
  'POST /__sim/reset',
  'GET /__sim/balance',
  'POST /__sim/balance',
]);

export function setBalance(state: SimState, b: Partial<Balance>): void {
  const next = { ...state.balance, ...b };
  // Unless given, available follows the documented rule: cash + voucher.
  if (b.available_balance === undefined) next.available_balance = +(next.cash_balance + next.voucher_balance).toFixed(5);
  state.balance = next;
}

export function handleControl(ctx: Ctx, method: string, path: string): void {
  const { state } = ctx;
  const json = ctx.json;
  const isObject = json !== null && typeof json === 'object' && !Array.isArray(json);
  const route = `${method} ${path}`;
  if (route === 'GET /__sim/health') return sendJson(ctx, 200, { ok: true });
  if (route === 'GET /__sim/log') return sendJson(ctx, 200, state.log);
  if (route === 'POST /__sim/script' && (Array.isArray(json) || isObject)) {
    state.queue.push(...([] as ChatBehaviour[]).concat(json as ChatBehaviour | ChatBehaviour[]));
    return sendJson(ctx, 200, { ok: true, queued: state.queue.length });
  }
  if (route === 'POST /__sim/default' && isObject) {
    state.defaultBehaviour = json as ChatBehaviour;
    return sendJson(ctx, 200, { ok: true });
  }
  if (route === 'POST /__sim/reset') {
    state.reset();
    return sendJson(ctx, 200, { ok: true });
  }
  if (route === 'GET /__sim/balance') return sendJson(ctx, 200, state.balance);
  if (route === 'POST /__sim/balance' && isObject) {
    setBalance(state, json as Partial<Balance>);
    return sendJson(ctx, 200, state.balance);
  }
  sendJson(ctx, ROUTES.has(route) ? 400 : 404, { ok: false, error: `unknown control call or bad body: ${route}` });
}
