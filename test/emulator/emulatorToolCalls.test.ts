import { afterEach, describe, expect, it } from 'vitest';
import { parseServerEvent } from '../../src/core/protocol/parseServerEvent.ts';
import { createEmulatorSession, type EmulatorSession } from '../../src/emulator/createEmulatorSession.ts';
import { createRealtimeEmulator, type EmulatorConnectionInfo, type EmulatorToolCall } from '../../src/emulator/index.ts';
import { openEmulatorSocket } from './emulatorClient.ts';

type Event = { type: string; [key: string]: unknown };

const sessions: EmulatorSession[] = [];
afterEach(() => sessions.splice(0).forEach((s) => s.close()));

const weatherTool = { type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object' } };
const weatherCall: EmulatorToolCall = { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' } };

function harness(toolCalls: EmulatorToolCall[], tools: unknown[] = [weatherTool]) {
  const events: Event[] = [];
  const session = createEmulatorSession({
    transport: 'websocket',
    streamIntervalMs: 2,
    toolCalls,
    send: (event) => events.push(event as Event),
  });
  sessions.push(session);
  session.start();
  const send = (event: object) => session.receive(JSON.stringify(event));
  send({ type: 'session.update', session: { type: 'realtime', output_modalities: ['text'], tools } });
  const types = (from = 0) => events.slice(from).map((e) => e.type);
  const typeText = (text: string) => {
    send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] } });
    send({ type: 'response.create' });
  };
  const waitForDone = async (count: number) =>
    expect.poll(() => types().filter((t) => t === 'response.done').length, { timeout: 5000 }).toBe(count);
  const speak = (ms: number, loud: boolean) => {
    const pcm = new Int16Array((ms / 1000) * 24000);
    if (loud) for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(9000 * Math.sin(i / 20));
    session.pushAudio(pcm, 24000);
  };
  return { events, send, types, typeText, waitForDone, speak };
}

/** The last event of this type (the test fails on its fields when there is none). */
const last = <T,>(events: Event[], type: string) => events.findLast((e) => e.type === type) as unknown as T;
const callDone = (events: Event[]) => events.find((e) => e.type === 'response.function_call_arguments.done') as Event & { call_id: string; arguments: string };

describe('emulator client function calls', () => {
  it('answers a user turn with a streamed function call, exactly as the API sequences it', async () => {
    const h = harness([weatherCall]);
    const from = h.events.length;
    h.typeText('What is the weather in Paris?');
    await h.waitForDone(1);
    const deltas = h.types(from).filter((t) => t === 'response.function_call_arguments.delta').length;
    expect(deltas).toBeGreaterThan(1);
    expect(h.types(from).filter((t) => t !== 'response.function_call_arguments.delta')).toEqual([
      'conversation.item.added', // the user's message
      'conversation.item.done',
      'response.created',
      'response.output_item.added',
      'conversation.item.added',
      'response.function_call_arguments.done',
      'conversation.item.done',
      'response.output_item.done',
      'response.done',
      'rate_limits.updated',
    ]);
    const done = callDone(h.events);
    const streamed = h.events
      .filter((e) => e.type === 'response.function_call_arguments.delta')
      .map((e) => e.delta)
      .join('');
    expect(streamed).toBe(done.arguments);
    expect(JSON.parse(done.arguments)).toEqual({ city: 'Paris', unit: 'celsius' });
    expect(done).toMatchObject({ name: 'get_weather', output_index: 0 });
    expect(done.call_id).toMatch(/^call_/);
    const responseDone = last<{ response: { status: string; output: Event[] } }>(h.events, 'response.done');
    expect(responseDone.response.status).toBe('completed');
    expect(responseDone.response.output).toEqual([
      expect.objectContaining({ type: 'function_call', status: 'completed', name: 'get_weather', call_id: done.call_id, arguments: done.arguments }),
    ]);
    for (const event of h.events) expect(parseServerEvent(event).ok, event.type).toBe(true);
  });

  it('speaks the follow-up only after the function_call_output and a response.create, repeating the output', async () => {
    const h = harness([weatherCall]);
    h.typeText('weather?');
    await h.waitForDone(1);
    const { call_id } = callDone(h.events);
    const output = JSON.stringify({ tempC: 21, sky: 'clear' });
    h.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id, output } });
    expect(h.events.at(-1)).toMatchObject({ type: 'conversation.item.done', item: { type: 'function_call_output', call_id, output } });
    // The output alone starts nothing: the model speaks when the client asks for a response.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.types().filter((t) => t === 'response.created')).toHaveLength(1);
    h.send({ type: 'response.create' });
    await h.waitForDone(2);
    const followUp = last<{ text: string }>(h.events, 'response.output_text.done');
    expect(followUp.text).toBe(`The get_weather tool returned ${output}.`);
    expect(h.types()).not.toContain('error');
    for (const event of h.events) expect(parseServerEvent(event).ok, event.type).toBe(true);
  });

  it('refuses a response.create while a response is active, and the active one goes on', async () => {
    const h = harness([weatherCall]);
    h.typeText('weather?');
    h.send({ type: 'response.create', event_id: 'evt_second' });
    expect(h.events.at(-1)).toMatchObject({
      type: 'error',
      error: { code: 'conversation_already_has_active_response', event_id: 'evt_second' },
    });
    await h.waitForDone(1);
    const done = last<{ response: { status: string } }>(h.events, 'response.done');
    expect(done.response.status).toBe('completed');
    expect(h.types().filter((t) => t === 'response.created')).toHaveLength(1);
  });

  it('refuses an output for an unknown call_id, or for a call already answered', async () => {
    const h = harness([weatherCall]);
    h.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'call_nope', output: '{}' }, event_id: 'evt_1' });
    expect(h.events.at(-1)).toMatchObject({
      type: 'error',
      error: { code: 'invalid_tool_call_id', param: 'item.call_id', event_id: 'evt_1', message: "Tool call ID 'call_nope' not found in conversation." },
    });
    h.typeText('weather?');
    await h.waitForDone(1);
    const { call_id } = callDone(h.events);
    h.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id, output: '"first"' } });
    expect(h.events.at(-1)).toMatchObject({ type: 'conversation.item.done' });
    h.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id, output: '"again"' } });
    expect(h.events.at(-1)).toMatchObject({ type: 'error', error: { code: 'invalid_tool_call_id' } });
    // The refused output is not in the conversation: the follow-up speaks of the first only.
    h.send({ type: 'response.create' });
    await h.waitForDone(2);
    expect((last<{ text: string }>(h.events, 'response.output_text.done')).text).toBe('The get_weather tool returned "first".');
  });

  it('calls only a declared tool, once per session, and a whenUserWrites call only on matching text', async () => {
    const undeclared = harness([weatherCall], []);
    undeclared.typeText('weather?');
    await undeclared.waitForDone(1);
    expect(undeclared.types()).not.toContain('response.function_call_arguments.done');
    expect(undeclared.types()).toContain('response.output_text.done');

    const h = harness([{ ...weatherCall, whenUserWrites: 'WEATHER' }]);
    h.typeText('hello');
    await h.waitForDone(1);
    expect(h.types()).not.toContain('response.function_call_arguments.done');
    h.typeText('what is the weather like');
    await h.waitForDone(2);
    expect(h.types().filter((t) => t === 'response.function_call_arguments.done')).toHaveLength(1);
    h.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: callDone(h.events).call_id, output: '1' } });
    h.send({ type: 'response.create' });
    await h.waitForDone(3);
    h.typeText('the weather again');
    await h.waitForDone(4);
    // Used up: the second matching message gets an ordinary reply.
    expect(h.types().filter((t) => t === 'response.function_call_arguments.done')).toHaveLength(1);
  });

  it('without whenUserWrites calls on a spoken turn too', async () => {
    const h = harness([weatherCall]);
    h.speak(500, true);
    h.speak(600, false);
    await h.waitForDone(1);
    expect(callDone(h.events)).toMatchObject({ name: 'get_weather' });
  });

  it('createRealtimeEmulator: every session makes the calls, and onClientEvent reports what each one received', async () => {
    const received: Array<{ type: unknown; connection: EmulatorConnectionInfo }> = [];
    const emulator = await createRealtimeEmulator({
      streamIntervalMs: 5,
      toolCalls: [weatherCall],
      onClientEvent: (event, connection) => received.push({ type: event.type, connection }),
    });
    try {
      for (let round = 0; round < 2; round++) {
        const key = emulator.createClientSecret({ type: 'realtime', output_modalities: ['text'], tools: [weatherTool] }).value;
        const client = await openEmulatorSocket(emulator.wsUrl, key);
        await client.next('session.created');
        client.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'weather?' }] } });
        client.send({ type: 'response.create' });
        const done = await client.next('response.function_call_arguments.done');
        await client.next('response.done');
        client.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: done.call_id, output: '{"tempC":21}' } });
        client.send({ type: 'response.create' });
        const reply = await client.next('response.output_text.done', 5000, client.events.indexOf(done));
        expect(reply.text).toBe('The get_weather tool returned {"tempC":21}.');
        expect(client.invalid).toEqual([]);
        client.socket.close();
        await client.closed;
      }
      const connections = [...new Set(received.map((r) => r.connection.id))];
      expect(connections).toHaveLength(2);
      expect(received.every((r) => r.connection.transport === 'websocket')).toBe(true);
      expect(received.filter((r) => r.connection.id === connections[0]).map((r) => r.type)).toEqual([
        'conversation.item.create',
        'response.create',
        'conversation.item.create',
        'response.create',
      ]);
    } finally {
      await emulator.close();
    }
  });
});
