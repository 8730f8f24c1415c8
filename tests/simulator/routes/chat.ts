// POST /v1/chat/completions: take the next behaviour, then answer with an error, a JSON completion or a stream.
import { randomBytes } from 'node:crypto';
import { buildPlan, type Plan } from '../behaviours';
import { validateChat } from '../chat-validate';
import { begin, checkAuth, nowSeconds, sendError, sendJson, sleep, type Ctx } from '../http-util';
import { writeStream } from '../sse-writer';
import { buildStreamEvents, resolvePlacement } from '../stream-events';
import type { ChatBehaviour } from '../types';

const DEFAULT_ERRORS: Record<number, [string, string]> = {
  400: ['invalid_request_error', 'Invalid request'],
  401: ['invalid_authentication_error', 'Invalid Authentication'],
  403: ['permission_denied_error', 'The API you are accessing is not open'],
  404: ['resource_not_found_error', 'Not found'],
  429: ['engine_overloaded_error', 'The engine is currently overloaded, please try again later'],
  500: ['server_error', 'Internal server error'],
};

function sendScriptedError(ctx: Ctx, b: ChatBehaviour): void {
  const e = b.error!;
  const headers = { ...b.headers, ...e.headers };
  if (e.rawBody !== undefined) {
    begin(ctx, e.status, { 'Content-Type': e.contentType ?? 'text/html; charset=utf-8', ...headers });
    ctx.res.end(e.rawBody);
    return;
  }
  const [type, message] = DEFAULT_ERRORS[e.status] ?? ['server_error', `HTTP ${e.status}`];
  sendError(ctx, e.status, e.type ?? type, e.message ?? message, headers);
}

function completionBody(plan: Plan, id: string, model: string, b: ChatBehaviour): Record<string, unknown> {
  const message: Record<string, unknown> = { role: 'assistant', content: plan.content };
  if (plan.thinking) message.reasoning_content = plan.reasoning;
  if (plan.toolCalls.length) {
    message.tool_calls = plan.toolCalls.map((t) => ({ id: t.id, type: 'function', function: { name: t.name, arguments: t.arguments } }));
  }
  const body: Record<string, unknown> = {
    id,
    object: 'chat.completion',
    created: nowSeconds(),
    model,
    choices: [{ index: 0, message, finish_reason: plan.finishReason }],
  };
  if (b.usagePlacement !== 'none') body.usage = plan.usage;
  return body;
}

export async function handleChat(ctx: Ctx): Promise<void> {
  const { state } = ctx;
  const b = state.takeBehaviour();
  await sleep(b.firstByteDelayMs ?? 0, ctx.signal);
  if (ctx.signal.aborted) return;
  if (b.error) return sendScriptedError(ctx, b);
  if (!checkAuth(ctx)) return;
  if (state.balance.available_balance <= 0) {
    const message = 'Your account sim-org<sim-ak> is suspended, please check your plan and billing details';
    return sendError(ctx, 429, 'exceeded_current_quota_error', message);
  }
  const chat = validateChat(state, ctx.json);
  if ('status' in chat) return sendError(ctx, chat.status, chat.type, chat.message);
  const body = ctx.json as Record<string, unknown>;
  const plan = buildPlan(state, chat, body, b);
  const id = `chatcmpl-${randomBytes(12).toString('hex')}`;
  if (body.stream !== true) {
    if (b.dropAfterChunks !== undefined) return void ctx.res.destroy();
    return sendJson(ctx, 200, completionBody(plan, id, chat.model.id, b), b.headers);
  }
  const includeUsage = (body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  const events = buildStreamEvents(plan, { id, created: nowSeconds(), model: chat.model.id }, b.chunkSize ?? 12, resolvePlacement(b, includeUsage));
  await writeStream(ctx, events, b, b.headers ?? {});
}
