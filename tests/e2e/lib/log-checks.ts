// Assertions on what reached the Kimi simulator (its request log) and the fixture pages.
import assert from 'node:assert/strict';
import type { RecordedRequest } from '../../simulator/server';

type ChatMessage = { role?: string; content?: unknown };

const flat = (s: string) => s.replace(/\s+/g, ' ');

export const chatRequests = (log: RecordedRequest[]) => log.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/chat/completions'));

/** All text of a chat request's messages, whitespace collapsed. */
export function messagesText(r: RecordedRequest): string {
  const messages = ((r.json as { messages?: ChatMessage[] } | undefined)?.messages ?? []) as ChatMessage[];
  const parts = messages.map((m) =>
    typeof m.content === 'string'
      ? m.content
      : Array.isArray(m.content)
        ? m.content.map((p: { text?: unknown }) => (typeof p?.text === 'string' ? p.text : '')).join('\n')
        : '',
  );
  return flat(parts.join('\n'));
}

/** The chat request that asked `question`, checked to carry the page sentence, to stream, and to use `model`. */
export function checkChatRequest(log: RecordedRequest[], question: string, sentence: string, model: string): RecordedRequest {
  const chats = chatRequests(log);
  assert.ok(chats.length > 0, 'the simulator received no chat request');
  const req = chats.find((r) => messagesText(r).includes(flat(question)));
  assert.ok(req, `no chat request contained the question "${question}"; got ${chats.length} chat request(s)`);
  assert.ok(
    messagesText(req).includes(flat(sentence)),
    `the chat request did not contain the page sentence "${sentence}". Its messages began: ${messagesText(req).slice(0, 400)}`,
  );
  const body = req.json as { stream?: unknown; model?: unknown };
  assert.equal(body.stream, true, 'the chat request should ask for a stream');
  assert.equal(body.model, model, 'the chat request should use the model chosen on the options page');
  return req;
}

/**
 * The key may appear in exactly one place: the Authorization header ("Bearer KEY") of requests to the API.
 * Every other header, every path and every body of every recorded request is searched.
 */
export function checkKeyOnlyInAuthorization(log: RecordedRequest[], key: string): void {
  assert.ok(key.length >= 8, 'the key to look for is too short to search for');
  assert.ok(chatRequests(log).length >= 1, 'no chat request was recorded, so there is nothing to check');
  assert.ok(
    log.some((r) => r.method === 'GET' && r.path.startsWith('/v1/models')),
    'no GET /v1/models was recorded (Test connection should have made one)',
  );
  for (const r of log) {
    const where = `${r.method} ${r.path.replace(key, '<KEY>')} (request #${r.id})`;
    assert.ok(!r.path.includes(key), `the key appeared in the URL of ${where}`);
    assert.ok(!r.body.includes(key), `the key appeared in the body of ${where}`);
    for (const [name, value] of Object.entries(r.headers)) {
      if (name === 'authorization') continue;
      assert.ok(!value.includes(key), `the key appeared in the "${name}" header of ${where}`);
    }
    if (r.path.startsWith('/v1/')) {
      assert.equal(r.headers.authorization, `Bearer ${key}`, `${where} should carry the key as "Authorization: Bearer …"`);
    }
  }
}

/** The fixture server (the page's own site) must never see the key either. */
export function checkKeyNeverReachedPage(requests: { url: string; headers: Record<string, unknown> }[], key: string): void {
  assert.ok(requests.length > 0, 'the fixture server recorded no request, so the article was never loaded');
  for (const r of requests) {
    assert.ok(!JSON.stringify(r).includes(key), `the key reached the article's server in a request to ${r.url}`);
  }
}
