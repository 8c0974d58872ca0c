import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRealtimeSession } from '../../../src/core/session/index.ts';
import type { RealtimeTransport } from '../../../src/core/transport/RealtimeTransport.ts';
import { FakePeerConnection, FakeWebSocket, fakeWebRTCTransport, fakeWebSocketTransport } from './fakes.ts';

// The hot path is one wire message: the OpenAI transports decode its JSON (they read a few
// messages themselves) and hand the object on; the session validates that object and never
// decodes the text again.
const added = {
  type: 'conversation.item.added',
  event_id: 'e1',
  previous_item_id: null,
  item: { id: 'item_1', type: 'message', role: 'assistant', status: 'in_progress', content: [] },
};
const delta = { type: 'response.output_text.delta', event_id: 'e2', response_id: 'resp_1', item_id: 'item_1', output_index: 0, content_index: 0, delta: 'Hi' };

async function connected(transport: RealtimeTransport, open: () => Promise<(text: string) => void>) {
  const session = createRealtimeSession({ transport });
  const connecting = session.connect();
  const receive = await open();
  await connecting;
  return { session, receive };
}

function webRtc() {
  return connected(fakeWebRTCTransport(), async () => {
    const channel = await vi.waitFor(() => FakePeerConnection.instances[0]?.channels[0] ?? Promise.reject(new Error('no channel yet')));
    return (text) => channel.receive(text);
  });
}

function webSocket() {
  return connected(fakeWebSocketTransport(), async () => {
    const socket = await vi.waitFor(() => FakeWebSocket.instances[0] ?? Promise.reject(new Error('no socket yet')));
    socket.open();
    socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
    return (text) => socket.receive(text);
  });
}

describe.each([
  ['WebRTC', webRtc],
  ['WebSocket', webSocket],
])('%s transport and session', (_name, connect) => {
  afterEach(() => vi.restoreAllMocks());

  it('decode each server message once, from the wire to the transcript', async () => {
    const { session, receive } = await connect();
    const texts = [JSON.stringify(added), JSON.stringify(delta)];
    const parse = vi.spyOn(JSON, 'parse');
    for (const text of texts) receive(text);
    const decoded = parse.mock.calls.filter(([text]) => texts.includes(text as string)).length;
    parse.mockRestore();
    expect(session.getState().transcript.get('item_1')?.text).toBe('Hi');
    expect(decoded).toBe(texts.length);
  });
});
