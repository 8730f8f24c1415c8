import { describe, expect, it } from 'vitest';
import { defaultAnswer } from './answer';
import { ask, joined, postChat, streamChat, useSim, type SseEvent } from './test-helpers';

const chunks = (events: SseEvent[]) => events.filter((e): e is Record<string, any> => e !== '[DONE]');

describe('streamed chat', () => {
  it('follows the documented shape: role chunk, content chunks, finish chunk with usage in the choice, [DONE]', async () => {
    const sim = await useSim();
    sim.setDefault({ chunkDelayMs: 0 });
    const { res, raw, events } = await streamChat(sim, ask('What is this page about?'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
    for (const block of raw.trim().split('\n\n')) expect(block).toMatch(/^data: /);
    const list = chunks(events);
    expect(list[0].choices[0].delta).toEqual({ role: 'assistant', content: '' });
    expect(list[0]).toMatchObject({ object: 'chat.completion.chunk', model: 'kimi-k2.6' });
    expect(new Set(list.map((c) => c.id)).size).toBe(1);
    const last = list[list.length - 1];
    expect(last.choices[0].finish_reason).toBe('stop');
    expect(last.choices[0].usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number), cached_tokens: 0 });
    expect(last.choices[0].usage.total_tokens).toBe(last.choices[0].usage.prompt_tokens + last.choices[0].usage.completion_tokens);
    expect(last.usage).toBeUndefined();
    expect(events[events.length - 1]).toBe('[DONE]');
  });

  it('streams the default answer: heading, the quoted question, the system character count, a list', async () => {
    const sim = await useSim();
    sim.setDefault({ chunkDelayMs: 0 });
    const page = 'x'.repeat(12345);
    const body = {
      model: 'kimi-k2.6',
      messages: [
        { role: 'system', content: page },
        { role: 'user', content: 'Summarise   this\npage please' },
      ],
    };
    const { events } = await streamChat(sim, body);
    const text = joined(events, 'content');
    expect(text).toBe(defaultAnswer({ model: 'kimi-k2.6', messages: body.messages, json: false }));
    expect(text).toContain('## Answer');
    expect(text).toContain('You asked: “Summarise this page please”.');
    expect(text).toContain('I read 12,345 characters of page text.');
    expect(text).toMatch(/\n- /);
    const pieces = chunks(events)
      .slice(1, -1)
      .map((c) => c.choices[0].delta.content as string);
    expect(pieces.slice(0, -1).every((p) => Array.from(p).length === 12)).toBe(true);
  });

  it('cuts a long question to 80 characters with an ellipsis', async () => {
    const sim = await useSim();
    sim.setDefault({ chunkDelayMs: 0 });
    const { events } = await streamChat(sim, ask('q'.repeat(200)));
    expect(joined(events, 'content')).toContain(`“${'q'.repeat(80)}…”`);
  });

  it('adds the trailing choices:[] usage chunk when include_usage is set, with the same numbers', async () => {
    const sim = await useSim();
    sim.setDefault({ chunkDelayMs: 0 });
    const { events } = await streamChat(sim, ask('hi', { stream_options: { include_usage: true } }));
    const list = chunks(events);
    const trailing = list[list.length - 1];
    expect(trailing.choices).toEqual([]);
    expect(trailing.usage).toEqual(list[list.length - 2].choices[0].usage);
  });

  it.each([
    ['choice', true, false, false],
    ['top-level', false, true, false],
    ['trailing', false, false, true],
    ['choice+trailing', true, false, true],
    ['none', false, false, false],
  ] as const)('usagePlacement %s', async (placement, inChoice, topLevel, trailing) => {
    const sim = await useSim();
    sim.script({ usagePlacement: placement, chunkDelayMs: 0, usage: { prompt_tokens: 90, completion_tokens: 50, cached_tokens: 90 } });
    const list = chunks((await streamChat(sim, ask())).events);
    const finish = list.find((c) => c.choices[0]?.finish_reason)!;
    const tail = list[list.length - 1];
    expect(finish.choices[0].usage !== undefined).toBe(inChoice);
    expect(finish.usage !== undefined).toBe(topLevel);
    expect(tail.choices.length === 0).toBe(trailing);
    const usage = finish.choices[0].usage ?? finish.usage ?? (trailing ? tail.usage : undefined);
    if (placement !== 'none') {
      expect(usage).toEqual({
        prompt_tokens: 90,
        completion_tokens: 50,
        total_tokens: 140,
        cached_tokens: 90,
        completion_tokens_details: { reasoning_tokens: 0 },
        prompt_tokens_details: { cached_tokens: 90 },
      });
    } else expect(usage).toBeUndefined();
  });

  it('streams reasoning_content before any content', async () => {
    const sim = await useSim();
    sim.script({ reasoning: 'Let me think about the page first.', content: 'The answer.', chunkSize: 5, chunkDelayMs: 0 });
    const { events } = await streamChat(sim, ask());
    const kinds = chunks(events)
      .slice(1, -1)
      .map((c) => Object.keys(c.choices[0].delta)[0]);
    expect(kinds.indexOf('content')).toBeGreaterThan(kinds.lastIndexOf('reasoning_content'));
    expect(joined(events, 'reasoning_content')).toBe('Let me think about the page first.');
    expect(joined(events, 'content')).toBe('The answer.');
    const usage = chunks(events).at(-1)!.choices[0].usage;
    expect(usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('drops scripted reasoning when the request turns thinking off', async () => {
    const sim = await useSim();
    sim.script({ reasoning: 'hidden', content: 'ok', chunkDelayMs: 0 });
    const { events } = await streamChat(sim, ask('hi', { thinking: { type: 'disabled' } }));
    expect(joined(events, 'reasoning_content')).toBe('');
    expect(joined(events, 'content')).toBe('ok');
  });

  it('streams tool calls: a first delta with id and name, then argument fragments, finish_reason tool_calls', async () => {
    const sim = await useSim();
    const args = '{"city":"Paris","unit":"c"}';
    sim.script({ toolCalls: [{ id: 'get_weather_0', name: 'get_weather', arguments: args }], chunkSize: 6, chunkDelayMs: 0 });
    const list = chunks((await streamChat(sim, ask('weather?', { thinking: { type: 'disabled' } }))).events);
    const deltas = list.flatMap((c) => c.choices[0]?.delta?.tool_calls ?? []);
    expect(deltas[0]).toEqual({ index: 0, id: 'get_weather_0', type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(deltas.slice(1).every((d: any) => d.index === 0 && d.id === undefined)).toBe(true);
    expect(deltas.map((d: any) => d.function.arguments).join('')).toBe(args);
    expect(list.at(-1)!.choices[0].finish_reason).toBe('tool_calls');
  });
});

describe('Partial Mode and the output cap', () => {
  it('continues a cut answer without repeating the prefix (default answer)', async () => {
    const sim = await useSim();
    sim.setDefault({ chunkDelayMs: 0 });
    const full = joined((await streamChat(sim, ask('Explain the page'))).events, 'content');
    const prefix = full.slice(0, 30);
    const body = ask('Explain the page');
    body.messages.push({ role: 'assistant', content: prefix, partial: true } as any);
    const rest = joined((await streamChat(sim, body)).events, 'content');
    expect(rest).toBe(full.slice(30));
    expect(prefix + rest).toBe(full);
  });

  it('sends only the remainder of a scripted answer that starts with the prefix', async () => {
    const sim = await useSim();
    sim.script({ content: 'Hello brave new world', chunkDelayMs: 0 });
    const body = ask();
    body.messages.push({ role: 'assistant', content: 'Hello brave', partial: true } as any);
    expect(joined((await streamChat(sim, body)).events, 'content')).toBe(' new world');
  });

  it('cuts the answer at max_tokens with finish_reason length, and Partial Mode with a bigger cap finishes it', async () => {
    const sim = await useSim();
    sim.setDefault({ chunkDelayMs: 0, content: 'a'.repeat(400) });
    const first = chunks((await streamChat(sim, ask('long', { max_tokens: 20 }))).events);
    const soFar = joined(first, 'content');
    expect(soFar).toBe('a'.repeat(80)); // 4 characters per token
    expect(first.at(-1)!.choices[0].finish_reason).toBe('length');
    expect(first.at(-1)!.choices[0].usage.completion_tokens).toBe(20);
    const body = ask('long', { max_tokens: 1000 });
    body.messages.push({ role: 'assistant', content: soFar, partial: true } as any);
    const second = chunks((await streamChat(sim, body)).events);
    expect(soFar + joined(second, 'content')).toBe('a'.repeat(400));
    expect(second.at(-1)!.choices[0].finish_reason).toBe('stop');
  });

  it('stops before a stop sequence and leaves it out', async () => {
    const sim = await useSim();
    sim.script({ content: 'one two STOP three', chunkDelayMs: 0 });
    expect(joined((await streamChat(sim, ask('x', { stop: ['STOP'] }))).events, 'content')).toBe('one two ');
  });
});

describe('non-streamed chat', () => {
  it('returns the documented chat.completion shape with usage and cached_tokens', async () => {
    const sim = await useSim();
    const res = await postChat(sim, ask());
    const body = await res.json();
    expect(body).toMatchObject({ object: 'chat.completion', model: 'kimi-k2.6', choices: [{ index: 0, finish_reason: 'stop' }] });
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.choices[0].message.role).toBe('assistant');
    expect(body.choices[0].message.content).toContain('## Answer');
    expect(body.choices[0].message.reasoning_content).toBe(''); // thinking is on by default for k2.6
    expect(body.usage).toMatchObject({ cached_tokens: 0, prompt_tokens_details: { cached_tokens: 0 } });
  });

  it('reports cached tokens when the same long page is asked about again', async () => {
    const sim = await useSim();
    const page = { role: 'system', content: 'page text '.repeat(500) };
    const q = (text: string) => ({ model: 'kimi-k2.6', messages: [{ role: 'system', content: 'Be brief.' }, page, { role: 'user', content: text }] });
    const first = await (await postChat(sim, q('first question'))).json();
    const second = await (await postChat(sim, q('second question'))).json();
    expect(first.usage.cached_tokens).toBe(0);
    expect(second.usage.cached_tokens).toBeGreaterThan(1000);
    expect(second.usage.cached_tokens).toBeLessThan(second.usage.prompt_tokens);
  });

  it('answers with a JSON object under response_format json_object', async () => {
    const sim = await useSim();
    const body = await (await postChat(sim, ask('hi', { response_format: { type: 'json_object' } }))).json();
    expect(JSON.parse(body.choices[0].message.content)).toMatchObject({ question: 'hi', model: 'kimi-k2.6' });
  });

  it('returns tool_calls and, after the $web_search round trip, a normal answer with the search tokens billed', async () => {
    const sim = await useSim();
    const tools = [{ type: 'builtin_function', function: { name: '$web_search' } }];
    const args = JSON.stringify({ search_result: { search_id: 's1' }, usage: { total_tokens: 1234 } });
    sim.script({ toolCalls: [{ id: 'search:0', name: '$web_search', arguments: args }] });
    const q = ask('latest news?', { tools });
    const first = await (await postChat(sim, q)).json();
    expect(first.choices[0].finish_reason).toBe('tool_calls');
    const assistant = first.choices[0].message;
    expect(assistant.tool_calls[0]).toEqual({ id: 'search:0', type: 'function', function: { name: '$web_search', arguments: args } });
    const follow = { ...q, messages: [...q.messages, assistant, { role: 'tool', tool_call_id: 'search:0', name: '$web_search', content: args }] };
    const second = await (await postChat(sim, follow)).json();
    expect(second.choices[0].finish_reason).toBe('stop');
    expect(second.choices[0].message.content).toContain('Tool results received: 1');
    const estimate = await (
      await fetch(`${sim.baseUrl}/tokenizers/estimate-token-count`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${sim.key}` },
        body: JSON.stringify(follow),
      })
    ).json();
    expect(second.usage.prompt_tokens).toBe(estimate.data.total_tokens + 1234);
  });
});
