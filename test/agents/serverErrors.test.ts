import { afterEach, describe, expect, test, vi } from 'vitest';
import { connectAgentsHarness, settle } from './agentsHarness.ts';

const SECRET = 'ek_test_secret';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The model calls a tool no agent has: the SDK answers it and emits a ModelBehaviorError on its session. */
const unknownToolCall = [
  { type: 'response.created', event_id: 'e_c', response: { id: 'resp_t', object: 'realtime.response', status: 'in_progress', output: [] } },
  {
    type: 'response.output_item.done',
    event_id: 'e_d',
    response_id: 'resp_t',
    output_index: 0,
    item: { id: 'item_t', object: 'realtime.item', type: 'function_call', status: 'completed', name: 'no_such_tool', call_id: 'call_t', arguments: '{}' },
  },
];

describe("the server's error events through the Agents SDK", () => {
  test("a server error with nobody listening to the SDK session's 'error' throws nowhere, and the kit reports it", async () => {
    const h = await connectAgentsHarness();
    // In Node the SDK session's emitter is node:events, which throws an 'error' nobody listens to,
    // from inside the socket's message handler (vitest fails the test on such an uncaught error).
    h.socket.serverSends({
      type: 'error',
      event_id: 'event_err_1',
      error: { type: 'invalid_request_error', code: 'invalid_value', message: 'Invalid value for audio format.', param: 'session.audio', event_id: null },
    });
    await settle();
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'error', error: expect.objectContaining({ source: 'server', code: 'invalid_value' }) }));
    expect(h.session.getState().status).toBe('connected');
  });

  test("a refused response.create does not jam the SDK's sequencer: the next text's response.create goes out", async () => {
    const h = await connectAgentsHarness();
    h.session.sendText('First.');
    await settle();
    const refused = h.socket.sentOfType('response.create').at(-1);
    expect(refused?.event_id).toEqual(expect.any(String));
    h.socket.serverSends({
      type: 'error',
      event_id: 'event_err_2',
      error: {
        type: 'invalid_request_error',
        code: 'conversation_already_has_active_response',
        message: 'Conversation already has an active response in progress.',
        param: null,
        event_id: refused?.event_id,
      },
    });
    await settle();
    h.session.sendText('Second.');
    await settle();
    expect(h.socket.sentOfType('response.create')).toHaveLength(2);
  });

  test("the key never reaches the kit in a server error's message", async () => {
    const h = await connectAgentsHarness();
    h.socket.serverSends({
      type: 'error',
      event_id: 'event_err_3',
      error: { type: 'invalid_request_error', code: 'invalid_api_key', message: `Incorrect API key provided: ${SECRET}.`, param: null, event_id: null },
    });
    h.socket.drop();
    await settle();
    expect(JSON.stringify(h.events)).not.toContain(SECRET);
    expect(JSON.stringify(h.session.getState().error)).not.toContain(SECRET);
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'error', error: expect.objectContaining({ code: 'invalid_api_key' }) }));
  });

  test('an SDK error that is not a server event still reaches an app listening on the SDK session', async () => {
    const h = await connectAgentsHarness();
    const seen: unknown[] = [];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    h.agentSession.on('error', (event) => seen.push(event.error));
    for (const event of unknownToolCall) h.socket.serverSends(event);
    await settle(10);
    expect(seen).toEqual([expect.objectContaining({ message: 'Tool no_such_tool not found' })]);
    expect(logged).not.toHaveBeenCalled();
  });

  test('an SDK error nobody listens to is logged, not thrown and not lost', async () => {
    const h = await connectAgentsHarness();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const event of unknownToolCall) h.socket.serverSends(event);
    await settle(10);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('agentSession.on("error")'), expect.objectContaining({ message: 'Tool no_such_tool not found' }));
    expect(h.session.getState().status).toBe('connected');
  });
});
