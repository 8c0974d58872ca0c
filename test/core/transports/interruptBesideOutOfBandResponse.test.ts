import { beforeEach, describe, expect, it, vi } from 'vitest';
import { audioDelta, FakePeerConnection, FakeWebSocket, fakeWebRTCTransport, fakeWebSocketTransport } from './fakes.ts';

// An out-of-band response (`conversation: "none"`, reported with `conversation_id: null`) can
// run beside the conversation's own response; its response.done must not make interrupt()
// believe nothing runs any more (it would skip response.cancel and the reply would go on).
const conversationCreated = { type: 'response.created', event_id: 'e1', response: { id: 'resp_conv', conversation_id: 'conv_1' } };
const outOfBandCreated = { type: 'response.created', event_id: 'e2', response: { id: 'resp_oob', conversation_id: null } };
const outOfBandDone = { type: 'response.done', event_id: 'e3', response: { id: 'resp_oob', conversation_id: null, status: 'completed' } };
const conversationDone = { type: 'response.done', event_id: 'e4', response: { id: 'resp_conv', conversation_id: 'conv_1', status: 'completed' } };

async function webRtc() {
  const transport = fakeWebRTCTransport();
  await transport.connect({ signal: new AbortController().signal });
  const channel = FakePeerConnection.instances[0]?.channels[0];
  if (!channel) throw new Error('no data channel');
  return {
    transport,
    receive: (event: object) => channel.receive(JSON.stringify(event)),
    cancels: () => channel.sentEvents().filter((e) => e.type === 'response.cancel').length,
  };
}

async function webSocket() {
  const transport = fakeWebSocketTransport();
  const connecting = transport.connect({ signal: new AbortController().signal });
  const socket = await vi.waitFor(() => FakeWebSocket.instances[0] ?? Promise.reject(new Error('no socket yet')));
  socket.open();
  socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
  await connecting;
  return {
    transport,
    receive: (event: object) => socket.receive(event),
    cancels: () => socket.sentEvents().filter((e) => e.type === 'response.cancel').length,
  };
}

describe.each([
  ['WebRTC', webRtc],
  ['WebSocket', webSocket],
])('%s transport: interrupt() beside an out-of-band response', (_name, connect) => {
  beforeEach(() => vi.unstubAllGlobals());

  it("still cancels the conversation's response after an out-of-band response.done", async () => {
    const { transport, receive, cancels } = await connect();
    receive(conversationCreated);
    receive(outOfBandCreated);
    receive({
      type: 'response.output_audio.delta',
      event_id: 'e5',
      response_id: 'resp_conv',
      item_id: 'item_conv',
      output_index: 0,
      content_index: 0,
      delta: audioDelta(500),
    });
    receive(outOfBandDone);
    transport.interrupt?.();
    expect(cancels()).toBe(1);
  });

  it('sends no response.cancel while only an out-of-band response runs (it would cancel nothing of the conversation)', async () => {
    const { transport, receive, cancels } = await connect();
    receive(outOfBandCreated);
    transport.interrupt?.();
    expect(cancels()).toBe(0);
  });

  it("sends no response.cancel once the conversation's response is done, whatever order the two end in", async () => {
    const { transport, receive, cancels } = await connect();
    receive(conversationCreated);
    receive(outOfBandCreated);
    receive(conversationDone);
    transport.interrupt?.();
    expect(cancels()).toBe(0);
    receive(outOfBandDone);
    transport.interrupt?.();
    expect(cancels()).toBe(0);
  });

  it('treats a response.done that names no response as the end of every running one', async () => {
    const { transport, receive, cancels } = await connect();
    receive(conversationCreated);
    receive({ type: 'response.done', event_id: 'e6', response: { status: 'completed' } });
    transport.interrupt?.();
    expect(cancels()).toBe(0);
  });
});

describe('WebSocket transport: cutting the audio of an out-of-band response', () => {
  // Its items are in no conversation: a conversation.item.truncate for one earns the app an
  // error event from the server. The audio stops all the same.
  const oobAudio = {
    type: 'response.output_audio.delta',
    event_id: 'e7',
    response_id: 'resp_oob',
    item_id: 'item_oob',
    output_index: 0,
    content_index: 0,
    delta: audioDelta(1000),
  };

  it('interrupt() stops it without truncating its item', async () => {
    const { transport, receive } = await webSocket();
    const socket = FakeWebSocket.instances[0]!;
    const played: unknown[] = [];
    transport.on('playback', (event) => played.push(event));
    receive(outOfBandCreated);
    receive(oobAudio);
    transport.interrupt?.();
    expect(socket.sentEvents()).toEqual([]);
    expect(played.at(-1)).toMatchObject({ type: 'interrupted', itemId: 'item_oob', responseId: 'resp_oob' });
  });

  it('the user barging in stops it without truncating its item, even after its response.done', async () => {
    const { receive } = await webSocket();
    const socket = FakeWebSocket.instances[0]!;
    receive(outOfBandCreated);
    receive(oobAudio);
    receive(outOfBandDone);
    receive({ type: 'input_audio_buffer.speech_started', event_id: 'e8', audio_start_ms: 100, item_id: 'item_user' });
    expect(socket.sentEvents()).toEqual([]);
  });

  it("a conversation response's item is still truncated", async () => {
    const { transport, receive } = await webSocket();
    const socket = FakeWebSocket.instances[0]!;
    receive(outOfBandCreated);
    receive(outOfBandDone);
    receive(conversationCreated);
    receive({ ...oobAudio, response_id: 'resp_conv', item_id: 'item_conv' });
    transport.interrupt?.();
    expect(socket.sentEvents().map((event) => event.type)).toEqual(['response.cancel', 'conversation.item.truncate']);
  });
});
