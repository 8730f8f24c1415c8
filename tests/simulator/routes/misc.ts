// GET /v1/models, GET /v1/users/me/balance, POST /v1/tokenizers/estimate-token-count.
import { sendError, sendJson, type Ctx } from '../http-util';
import { modelToWire } from '../models';
import { promptTokens } from '../tokens';

export function handleModels(ctx: Ctx): void {
  sendJson(ctx, 200, { object: 'list', data: ctx.state.models.map(modelToWire) });
}

export function handleBalance(ctx: Ctx): void {
  sendJson(ctx, 200, { code: 0, data: { ...ctx.state.balance }, scode: '0x0', status: true });
}

/** Same token rule as chat usage (tokens.ts), so a client can compare an estimate with prompt_tokens. */
export function handleEstimate(ctx: Ctx): void {
  const body = ctx.json as { model?: unknown; messages?: unknown } | undefined;
  if (!body || typeof body !== 'object') return sendError(ctx, 400, 'invalid_request_error', 'Invalid request: the body must be a JSON object');
  if (!ctx.state.findModel(body.model)) {
    return sendError(ctx, 404, 'resource_not_found_error', `Not found the model ${String(body.model)} or Permission denied`);
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return sendError(ctx, 400, 'invalid_request_error', 'Invalid request: messages must not be empty');
  }
  sendJson(ctx, 200, { data: { total_tokens: promptTokens(body) } });
}
