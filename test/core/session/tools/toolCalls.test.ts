import { describe, expect, test, vi } from 'vitest';
import * as z from 'zod/mini';
import { defineTool } from '../../../../src/core/session/tools/defineTool.ts';
import type { ToolResultEvent } from '../../../../src/core/session/tools/toolTypes.ts';
import { wire } from '../helpers.ts';
import { connectedWithTools, controlledTool, functionCall, responseCreated, responseDoneWire, sentNames, settle } from './toolHarness.ts';

const results = (events: readonly { type: string }[]) => events.filter((e): e is ToolResultEvent => e.type === 'tool_result');
const row = (h: Awaited<ReturnType<typeof connectedWithTools>>, callId: string) => h.session.getState().transcript.get(`fc_${callId}`);

describe('running client tools', () => {
  test('a known call runs with its parsed arguments; its output goes, then one response.create after response.done', async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'call_1', 'get_weather', '{"city":"Paris"}'));
    expect(row(h, 'call_1')?.tool?.state).toBe('running');
    expect(h.session.getState().agentState).toBe('tool_running');
    await settle();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args).toEqual({ city: 'Paris' });
    expect(calls[0]!.context.callId).toBe('call_1');
    expect(calls[0]!.context.session).toBe(h.session);
    expect(calls[0]!.context.signal.aborted).toBe(false);

    calls[0]!.resolve({ tempC: 21 });
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['output:call_1:{"tempC":21}']);
    expect(row(h, 'call_1')?.tool).toMatchObject({ state: 'completed', output: '{"tempC":21}' });
    expect(row(h, 'call_1')?.status).toBe('completed'); // the wire item's own status

    h.emit(responseDoneWire('resp_1', 'completed', [{ callId: 'call_1', name: 'get_weather' }]));
    expect(sentNames(h.transport.sent)).toEqual(['output:call_1:{"tempC":21}', 'response.create']);
    expect(h.session.getState().agentState).toBe('thinking');
    expect(results(h.events)).toEqual([
      { type: 'tool_result', callId: 'call_1', name: 'get_weather', itemId: 'fc_call_1', responseId: 'resp_1', output: '{"tempC":21}', sent: true, status: 'completed', result: { tempC: 21 } },
    ]);
    expect(h.transport.invalidSent).toEqual([]);
    // The server's echo of the output changes nothing on the call's row.
    const before = row(h, 'call_1');
    h.emit(wire('conversation.item.added', { item: { id: 'out_1', type: 'function_call_output', call_id: 'call_1', output: '{"tempC":21}' } }));
    expect(row(h, 'call_1')).toBe(before);
  });

  test('response.done before the output: response.create waits for it', async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'call_1', 'get_weather', '{"city":"Oslo"}'), responseDoneWire('resp_1', 'completed', [{ callId: 'call_1', name: 'get_weather' }]));
    await settle();
    expect(h.transport.sent).toEqual([]);
    expect(h.session.getState().agentState).toBe('tool_running');
    calls[0]!.resolve('sunny');
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['output:call_1:sunny', 'response.create']);
  });

  test.each([
    ['in call order', [0, 1]],
    ['in reverse order', [1, 0]],
  ])('two calls in one response run at once and answer %s, then one response.create', async (_label, order) => {
    const weather = controlledTool('get_weather');
    const h = await connectedWithTools([weather.tool]);
    h.emit(
      responseCreated('resp_1'),
      ...functionCall('resp_1', 'call_a', 'get_weather', '{"city":"A"}'),
      ...functionCall('resp_1', 'call_b', 'get_weather', '{"city":"B"}'),
    );
    await settle();
    expect(weather.calls.map((c) => c.args.city)).toEqual(['A', 'B']); // both running
    const ids = ['call_a', 'call_b'];
    weather.calls[order[0]!]!.resolve(`r${order[0]}`);
    await settle();
    h.emit(responseDoneWire('resp_1', 'completed', [{ callId: 'call_a', name: 'get_weather' }, { callId: 'call_b', name: 'get_weather' }]));
    expect(sentNames(h.transport.sent)).toEqual([`output:${ids[order[0]!]}:r${order[0]}`]);
    expect(h.session.getState().agentState).toBe('tool_running');
    weather.calls[order[1]!]!.resolve(`r${order[1]}`);
    await settle();
    expect(sentNames(h.transport.sent)).toEqual([`output:${ids[order[0]!]}:r${order[0]}`, `output:${ids[order[1]!]}:r${order[1]}`, 'response.create']);
  });

  test('results: a string as is, an object as JSON, undefined as null', async () => {
    const tool = (name: string, value: unknown) => defineTool({ name, description: name, parameters: z.object({}), execute: () => value });
    const h = await connectedWithTools([tool('text', 'plain "text"'), tool('object', { a: [1, null] }), tool('nothing', undefined)]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'text', '{}'), ...functionCall('resp_1', 'c2', 'object', '{}'), ...functionCall('resp_1', 'c3', 'nothing', ''));
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:plain "text"', 'output:c2:{"a":[1,null]}', 'output:c3:null']);
  });

  test('invalid JSON and schema failures are answered with an error output; execute never runs', async () => {
    const execute = vi.fn(() => 'never');
    const tool = defineTool({ name: 'get_weather', description: 'd', parameters: z.object({ city: z.string(), days: z.number() }), execute });
    const h = await connectedWithTools([tool]);
    h.emit(
      responseCreated('resp_1'),
      ...functionCall('resp_1', 'bad_json', 'get_weather', '{"city":'),
      ...functionCall('resp_1', 'bad_args', 'get_weather', '{"city":7,"days":2}'),
      responseDoneWire('resp_1', 'completed', [{ callId: 'bad_json', name: 'get_weather' }, { callId: 'bad_args', name: 'get_weather' }]),
    );
    await settle();
    expect(execute).not.toHaveBeenCalled();
    const [json, args] = results(h.events);
    expect(json).toMatchObject({ status: 'failed', sent: true, error: { code: 'invalid_tool_arguments', source: 'server' } });
    expect(json?.status === 'failed' && json.error.message).toMatch(/^The arguments of "get_weather" are not valid JSON/);
    expect(args).toMatchObject({ status: 'failed', error: { code: 'invalid_tool_arguments' } });
    expect(args?.status === 'failed' && args.error.message).toMatch(/^Invalid arguments for "get_weather": city: .*expected string/);
    const sent = h.transport.sentOfType('conversation.item.create').map((e) => (e.item.type === 'function_call_output' ? JSON.parse(e.item.output) : null));
    expect(sent).toEqual([{ error: json?.status === 'failed' && json.error.message }, { error: args?.status === 'failed' && args.error.message }]);
    expect(sentNames(h.transport.sent).at(-1)).toBe('response.create');
    expect(h.transport.sentOfType('response.create')).toHaveLength(1);
    expect(row(h, 'bad_args')?.tool?.state).toBe('failed');
    expect(row(h, 'bad_args')?.error?.code).toBe('invalid_tool_arguments');
  });

  test('a throwing or rejecting execute answers with its message (tool_failed)', async () => {
    const throws = defineTool({ name: 'throws', description: 'd', parameters: z.object({}), execute: () => { throw new Error('sync boom'); } });
    const rejects = defineTool({ name: 'rejects', description: 'd', parameters: z.object({}), execute: async () => Promise.reject(new Error('async boom')) });
    const h = await connectedWithTools([throws, rejects]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'throws', '{}'), ...functionCall('resp_1', 'c2', 'rejects', '{}'));
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:{"error":"sync boom"}', 'output:c2:{"error":"async boom"}']);
    expect(results(h.events).map((r) => r.status === 'failed' && `${r.error.code}:${r.error.message}`)).toEqual(['tool_failed:sync boom', 'tool_failed:async boom']);
    expect(row(h, 'c1')?.error).toMatchObject({ code: 'tool_failed', message: 'sync boom' });
  });

  test('a schema with an async check validates the call asynchronously; a throwing check fails the call (nothing stays running)', async () => {
    const execute = vi.fn((args: { city: string }) => `sunny in ${args.city}`);
    const asyncCity = z.object({ city: z.string().check(z.refine(async (city) => Promise.resolve(city !== 'Atlantis'), 'no such city')) });
    const asyncTool = defineTool({ name: 'async_check', description: 'd', parameters: asyncCity, execute });
    const throwingCity = z.object({ city: z.string().check(z.refine(() => { throw new Error('check boom'); })) });
    const throwingTool = defineTool({ name: 'throwing_check', description: 'd', parameters: throwingCity, execute });
    const h = await connectedWithTools([asyncTool, throwingTool]);
    h.emit(
      responseCreated('resp_1'),
      ...functionCall('resp_1', 'ok', 'async_check', '{"city":"Oslo"}'),
      ...functionCall('resp_1', 'bad', 'async_check', '{"city":"Atlantis"}'),
      ...functionCall('resp_1', 'boom', 'throwing_check', '{"city":"Oslo"}'),
      responseDoneWire('resp_1', 'completed', [{ callId: 'ok', name: 'async_check' }, { callId: 'bad', name: 'async_check' }, { callId: 'boom', name: 'throwing_check' }]),
    );
    // The async checks take a few more microtasks than settle() lets run.
    for (let i = 0; i < 20 && results(h.events).length < 3; i++) await settle();
    expect(execute.mock.calls.map(([args]) => args)).toEqual([{ city: 'Oslo' }]);
    const byCall = new Map(results(h.events).map((r) => [r.callId, r.status === 'failed' ? `${r.error.code}:${r.error.message}` : r.output]));
    expect(byCall.get('ok')).toBe('sunny in Oslo');
    expect(byCall.get('bad')).toMatch(/^invalid_tool_arguments:Invalid arguments for "async_check": city: no such city/);
    expect(byCall.get('boom')).toBe('tool_failed:check boom');
    expect(['ok', 'bad', 'boom'].map((id) => row(h, id)?.tool?.state)).toEqual(['completed', 'failed', 'failed']);
    expect(h.session.getState().agentState).toBe('thinking');
    expect(sentNames(h.transport.sent).at(-1)).toBe('response.create');
    expect(h.transport.sentOfType('response.create')).toHaveLength(1);
    expect(h.events.filter((e) => e.type === 'error')).toEqual([]);
  });

  test('a result that is not JSON fails the call', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const h = await connectedWithTools([
      defineTool({ name: 'big', description: 'd', parameters: z.object({}), execute: () => 10n }),
      defineTool({ name: 'cycle', description: 'd', parameters: z.object({}), execute: () => cyclic }),
      defineTool({ name: 'fn', description: 'd', parameters: z.object({}), execute: () => () => 1 }),
    ]);
    h.emit(responseCreated('r'), ...functionCall('r', 'c1', 'big', '{}'), ...functionCall('r', 'c2', 'cycle', '{}'), ...functionCall('r', 'c3', 'fn', '{}'));
    await settle();
    expect(results(h.events).map((r) => r.status === 'failed' && r.error.code)).toEqual(['tool_failed', 'tool_failed', 'tool_failed']);
    expect(h.transport.sentOfType('conversation.item.create').map((e) => e.item.type === 'function_call_output' && JSON.parse(e.item.output).error)).toEqual([
      'The result of "big" could not be sent: it is not JSON-serializable.',
      'The result of "cycle" could not be sent: it is not JSON-serializable.',
      'The result of "fn" could not be sent: it is not JSON-serializable.',
    ]);
  });

  test('a call to an unknown tool is answered with unknown_tool', async () => {
    const h = await connectedWithTools([controlledTool().tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'launch_rocket', '{}'), responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'launch_rocket' }]));
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:{"error":"No tool named \\"launch_rocket\\" is available."}', 'response.create']);
    expect(results(h.events)[0]).toMatchObject({ status: 'failed', error: { code: 'unknown_tool' } });
  });

  test("unknownToolCalls 'app': the app's own output counts; one response.create once every call is answered", async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool], { unknownToolCalls: 'app' });
    h.session.on('tool_call', (call) => {
      if (call.name === 'app_tool') {
        queueMicrotask(() => h.session.sendEvent({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: call.callId, output: 'from the app' } }));
      }
    });
    h.emit(
      responseCreated('resp_1'),
      ...functionCall('resp_1', 'c_app', 'app_tool', '{}'),
      ...functionCall('resp_1', 'c_kit', 'get_weather', '{"city":"Rome"}'),
      responseDoneWire('resp_1', 'completed', [{ callId: 'c_app', name: 'app_tool' }, { callId: 'c_kit', name: 'get_weather' }]),
    );
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['output:c_app:from the app']);
    expect(row(h, 'c_app')?.tool).toMatchObject({ state: 'completed', output: 'from the app' });
    calls[0]!.resolve('warm');
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['output:c_app:from the app', 'output:c_kit:warm', 'response.create']);
    expect(results(h.events).map((r) => r.callId)).toEqual(['c_kit']); // the app's call is the app's
  });

  test("a function the app declared in config.tools is the app's to answer, even with unknownToolCalls 'error'", async () => {
    const { tool } = controlledTool();
    const own = { type: 'function', name: 'app_tool', description: 'answered by the app', parameters: { type: 'object' } };
    const h = await connectedWithTools([tool], { config: { tools: [own] } });
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'app_tool', '{}'), responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'app_tool' }]));
    await settle();
    expect(h.transport.sent).toEqual([]);
    expect(results(h.events)).toEqual([]);
    h.session.sendEvent({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'c1', output: 'mine' } });
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:mine', 'response.create']);
  });

  test('a tool that takes longer than timeoutMs is answered with tool_timeout and aborted; its late result is dropped', async () => {
    const { tool, calls } = controlledTool('slow', { timeoutMs: 5000 });
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('r'), ...functionCall('r', 'c1', 'slow', '{"city":"X"}'), responseDoneWire('r', 'completed', [{ callId: 'c1', name: 'slow' }]));
    await settle();
    h.clock.advance(4999);
    expect(h.transport.sent).toEqual([]);
    h.clock.advance(1);
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect((calls[0]!.context.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:{"error":"\\"slow\\" did not finish within 5000 ms."}', 'response.create']);
    expect(results(h.events)[0]).toMatchObject({ status: 'failed', error: { code: 'tool_timeout' } });
    calls[0]!.resolve('too late');
    await settle();
    expect(h.transport.sent).toHaveLength(2);
    expect(results(h.events)).toHaveLength(1);
  });

  test('a result before the timeout clears it', async () => {
    const { tool, calls } = controlledTool('quick', { timeoutMs: 1000 });
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('r'), ...functionCall('r', 'c1', 'quick', '{"city":"X"}'));
    await settle();
    calls[0]!.resolve('done');
    await settle();
    expect(h.clock.pending()).toBe(0);
  });
});

describe('interruptions and disconnects', () => {
  test("the user's speech aborts a running call: tool_aborted is answered, no response.create", async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"Lima"}'));
    await settle();
    h.emit(wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'user_2' }));
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:{"error":"The call to \\"get_weather\\" was cancelled: the user interrupted."}']);
    expect(results(h.events)[0]).toMatchObject({ status: 'failed', sent: true, error: { code: 'tool_aborted' } });
    h.emit(responseDoneWire('resp_1', 'cancelled', [{ callId: 'c1', name: 'get_weather' }]));
    calls[0]!.resolve('late');
    await settle();
    expect(h.transport.sentOfType('response.create')).toHaveLength(0);
    expect(h.transport.sent).toHaveLength(1);
    expect(row(h, 'c1')?.tool?.state).toBe('failed');
  });

  test.each([
    ['cut-off arguments', '{"city":"Par'],
    ['complete arguments', '{"city":"Paris"}'],
  ])("a call the interrupted response still sends (%s) is not run: tool_aborted, no response.create; the next response's calls run", async (_label, args) => {
    const execute = vi.fn(() => 'sunny');
    const h = await connectedWithTools([defineTool({ name: 'get_weather', description: 'd', parameters: z.object({ city: z.string() }), execute })]);
    const item = (status: string, text: string) => ({ id: 'fc_c1', object: 'realtime.item', type: 'function_call', status, name: 'get_weather', call_id: 'c1', arguments: text });
    // The API reference: arguments.done is "also emitted when a Response is interrupted, incomplete, or cancelled".
    h.emit(
      responseCreated('resp_1'),
      wire('response.output_item.added', { response_id: 'resp_1', output_index: 0, item: item('in_progress', '') }),
      wire('conversation.item.added', { item: item('in_progress', '') }),
      wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'user_2' }),
      wire('response.function_call_arguments.done', { response_id: 'resp_1', item_id: 'fc_c1', output_index: 0, call_id: 'c1', name: 'get_weather', arguments: args }),
    );
    await settle(); // each message arrives in its own task
    h.emit(
      wire('response.output_item.done', { response_id: 'resp_1', output_index: 0, item: item('incomplete', args) }),
      wire('response.done', { response: { id: 'resp_1', object: 'realtime.response', status: 'cancelled', status_details: { type: 'cancelled', reason: 'turn_detected' }, output: [item('incomplete', args)] } }),
    );
    await settle();
    expect(execute).not.toHaveBeenCalled();
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:{"error":"The call to \\"get_weather\\" was cancelled: the user interrupted."}']);
    expect(row(h, 'c1')?.tool?.state).toBe('failed');
    expect(row(h, 'c1')?.error?.code).toBe('tool_aborted');
    expect(h.session.getState().agentState).not.toBe('tool_running');

    h.emit(responseCreated('resp_2'), ...functionCall('resp_2', 'c2', 'get_weather', '{"city":"Rome"}'), responseDoneWire('resp_2', 'completed', [{ callId: 'c2', name: 'get_weather' }]));
    await settle();
    expect(execute).toHaveBeenCalledTimes(1);
    expect(sentNames(h.transport.sent).slice(1)).toEqual(['output:c2:sunny', 'response.create']);
  });

  test('speech after the outputs went but before response.done: no response.create either', async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"Lima"}'));
    await settle();
    calls[0]!.resolve('ok');
    await settle();
    h.emit(wire('input_audio_buffer.speech_started', { audio_start_ms: 100, item_id: 'user_2' }), responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'get_weather' }]));
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:ok']);
  });

  test('session.interrupt() aborts running calls too', async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool], { transport: { omit: ['interrupt'] } });
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"Lima"}'));
    await settle();
    h.session.interrupt();
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:{"error":"The call to \\"get_weather\\" was cancelled: the user interrupted."}', 'response.cancel']);
    h.emit(responseDoneWire('resp_1', 'cancelled'));
    expect(h.transport.sentOfType('response.create')).toHaveLength(0);
  });

  test('a calling response that ends cancelled aborts its calls, without response.create', async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"Lima"}'));
    await settle();
    h.emit(responseDoneWire('resp_1', 'cancelled', [{ callId: 'c1', name: 'get_weather' }]));
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(results(h.events)[0]).toMatchObject({ status: 'failed', error: { code: 'tool_aborted' } });
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:{"error":"The call to \\"get_weather\\" was cancelled: the user interrupted."}']);
  });

  test('a disconnect aborts running calls, sends nothing, and nothing leaks into the next connection', async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"Lima"}'));
    await settle();
    h.session.disconnect();
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(results(h.events)[0]).toMatchObject({ status: 'failed', sent: false, output: '', error: { code: 'tool_aborted' } });
    expect(row(h, 'c1')?.tool?.state).toBe('failed');
    h.transport.clearRecords();
    await h.session.connect();
    calls[0]!.resolve('late');
    await settle();
    // The new connection: the tools declared again, and nothing of the old call.
    expect(sentNames(h.transport.sent)).toEqual(['session.update']);
    expect(h.transport.sentOfType('session.update')[0]?.session.tools).toEqual([tool.declaration]);
    h.emit(responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'get_weather' }]));
    expect(sentNames(h.transport.sent)).toEqual(['session.update']);
    expect(h.session.getState().agentState).toBe('listening');

    // And the new connection's calls run as usual.
    h.emit(responseCreated('resp_2'), ...functionCall('resp_2', 'c2', 'get_weather', '{"city":"Quito"}'), responseDoneWire('resp_2', 'completed', [{ callId: 'c2', name: 'get_weather' }]));
    await settle();
    calls[1]!.resolve('new');
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['session.update', 'output:c2:new', 'response.create']);
  });

  test('a dropped connection aborts the same way', async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"Lima"}'));
    await settle();
    h.transport.drop(new Error('network'));
    expect(calls[0]!.context.signal.aborted).toBe(true);
    calls[0]!.resolve('late');
    await settle();
    expect(h.transport.sent).toEqual([]);
  });
});

describe('session state while tools run', () => {
  test('agent state tool_running and the idle clock paused while a tool runs', async () => {
    const { tool, calls } = controlledTool('slow', { timeoutMs: null });
    const h = await connectedWithTools([tool], {
      idle: { timeoutMs: 5000 },
      config: { audio: { input: { turn_detection: { type: 'semantic_vad' } } } },
    });
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'slow', '{"city":"X"}'), responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'slow' }]));
    await settle();
    h.clock.advance(20_000);
    expect(h.events.filter((e) => e.type === 'input_audio_timeout_triggered')).toEqual([]);
    expect(h.session.getState().agentState).toBe('tool_running');
    expect(h.session.getState().idle.deadline).toBeNull();

    // A response started meanwhile (the app asked for one) does not end the call.
    h.emit(responseCreated('resp_other'));
    expect(h.session.getState().agentState).toBe('tool_running');
    h.emit(responseDoneWire('resp_other'));
    expect(h.session.getState().agentState).toBe('tool_running');

    calls[0]!.resolve('ok');
    await settle();
    expect(h.session.getState().agentState).toBe('thinking');
    h.emit(responseCreated('resp_2'), responseDoneWire('resp_2'));
    expect(h.session.getState().agentState).toBe('listening');
    expect(h.session.getState().idle.deadline).not.toBeNull();
  });

  test('text the user sent while the calling response ran shares its one response.create', async () => {
    const h = await connectedWithTools([defineTool({ name: 'now', description: 'd', parameters: z.object({}), execute: () => 'noon' })]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'now', '{}'));
    await settle();
    h.session.sendText('and tomorrow?');
    h.emit(responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'now' }]));
    expect(h.transport.sentOfType('response.create')).toHaveLength(1);
  });

  test('a follow-up due while another conversation response runs waits for its done', async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"X"}'), responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'get_weather' }]));
    await settle();
    h.emit(responseCreated('resp_app')); // a response the app asked for meanwhile
    calls[0]!.resolve('ok');
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:ok']);
    h.emit(responseDoneWire('resp_app'));
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:ok', 'response.create']);
  });

  test.each([
    ['while the calling response ran', true],
    ['after the calling response', false],
  ])('text sent %s: a tool answering before its response started waits for that response (no second active response)', async (_label, during) => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"X"}'));
    await settle();
    if (during) h.session.sendText('and tomorrow?');
    h.emit(responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'get_weather' }]));
    if (!during) h.session.sendText('and tomorrow?');
    // The text's response.create went; its response.created has not arrived when the tool answers.
    calls[0]!.resolve('ok');
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['conversation.item.create', 'response.create', 'output:c1:ok']);
    expect(h.session.getState().agentState).toBe('thinking');
    h.emit(responseCreated('resp_text'));
    expect(h.transport.sentOfType('response.create')).toHaveLength(1);
    // The text's response could not read the output: the one after it does.
    h.emit(responseDoneWire('resp_text'));
    expect(sentNames(h.transport.sent)).toEqual(['conversation.item.create', 'response.create', 'output:c1:ok', 'response.create']);
  });

  test("two calling responses: the second's follow-up waits for the first's to start and end", async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"X"}'), responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'get_weather' }]));
    h.emit(responseCreated('resp_2'), ...functionCall('resp_2', 'c2', 'get_weather', '{"city":"Y"}'), responseDoneWire('resp_2', 'completed', [{ callId: 'c2', name: 'get_weather' }]));
    await settle();
    calls[0]!.resolve('a');
    await settle();
    calls[1]!.resolve('b');
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:a', 'response.create', 'output:c2:b']);
    h.emit(responseCreated('resp_3'), responseDoneWire('resp_3'));
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:a', 'response.create', 'output:c2:b', 'response.create']);
  });

  test('a refused response.create does not hold a later follow-up back', async () => {
    const { tool, calls } = controlledTool();
    const h = await connectedWithTools([tool]);
    h.session.sendText('hi');
    h.emit(wire('error', { error: { type: 'invalid_request_error', code: 'conversation_already_has_active_response', message: 'busy' } }));
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'get_weather', '{"city":"X"}'), responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'get_weather' }]));
    await settle();
    calls[0]!.resolve('ok');
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['conversation.item.create', 'response.create', 'output:c1:ok', 'response.create']);
  });

  test('a throwing tool_result handler does not break the runtime', async () => {
    const h = await connectedWithTools([defineTool({ name: 'now', description: 'd', parameters: z.object({}), execute: () => 'noon' })]);
    h.session.on('tool_result', () => {
      throw new Error('handler bug');
    });
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'now', '{}'), responseDoneWire('resp_1', 'completed', [{ callId: 'c1', name: 'now' }]));
    await settle();
    expect(sentNames(h.transport.sent)).toEqual(['output:c1:noon', 'response.create']);
    expect(h.events.some((e) => e.type === 'error' && e.error.code === 'handler_error')).toBe(true);
  });

  test("an out-of-band response's calls are left to the app", async () => {
    const execute = vi.fn(() => 'x');
    const h = await connectedWithTools([defineTool({ name: 'now', description: 'd', parameters: z.object({}), execute })]);
    h.emit(
      wire('response.created', { response: { id: 'oob_1', object: 'realtime.response', status: 'in_progress', output: [], conversation_id: null, metadata: { purpose: 'x' } } }),
      wire('response.function_call_arguments.done', { response_id: 'oob_1', item_id: 'fc_x', output_index: 0, call_id: 'cx', name: 'now', arguments: '{}' }),
    );
    await settle();
    expect(execute).not.toHaveBeenCalled();
    expect(h.transport.sent).toEqual([]);
  });
});

describe('tool call rows without a runtime', () => {
  test("the app's output (sent or echoed) completes the call's row", async () => {
    const h = await connectedWithTools([]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'app_tool', '{}'), ...functionCall('resp_1', 'c2', 'app_tool', '{}'));
    expect(row(h, 'c1')?.tool?.state).toBe('running');
    h.session.sendEvent({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'c1', output: 'one' } });
    expect(row(h, 'c1')?.tool).toMatchObject({ state: 'completed', output: 'one' });
    h.emit(wire('conversation.item.added', { item: { id: 'out_2', type: 'function_call_output', call_id: 'c2', output: 'two' } }));
    expect(row(h, 'c2')?.tool).toMatchObject({ state: 'completed', output: 'two' });
    // A later merge of the call's item keeps where it stands.
    h.emit(wire('conversation.item.done', { item: { id: 'fc_c2', type: 'function_call', status: 'completed', name: 'app_tool', call_id: 'c2', arguments: '{}' } }));
    expect(row(h, 'c2')?.tool?.state).toBe('completed');
  });

  test('a call nobody answered ends failed with the connection', async () => {
    const h = await connectedWithTools([]);
    h.emit(responseCreated('resp_1'), ...functionCall('resp_1', 'c1', 'app_tool', '{}'));
    h.session.disconnect();
    expect(row(h, 'c1')?.tool?.state).toBe('failed');
    expect(row(h, 'c1')?.status).toBe('completed'); // the wire item's own
  });
});
