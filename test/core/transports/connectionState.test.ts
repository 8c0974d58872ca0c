// Per-connection state, mute semantics and drops while connecting, for both OpenAI transports.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAIWebRTCTransport } from '../../../src/core/transports/createOpenAIWebRTCTransport.ts';
import { createOpenAIWebSocketTransport } from '../../../src/core/transports/createOpenAIWebSocketTransport.ts';
import type { RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';
import type { TransportCloseInfo } from '../../../src/core/transport/RealtimeTransport.ts';
import { fakeFetch, FakeAudioContext, fakeMediaDevices, FakePeerConnection, FakeStream, FakeWebSocket, resetTransportFakes } from './fakes.ts';

const socketN = (n: number) => vi.waitFor(() => FakeWebSocket.instances[n] ?? Promise.reject(new Error('no socket yet')));
const start = (socket: FakeWebSocket) => {
  socket.open();
  socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
};
const signal = () => new AbortController().signal;

class FakeWorkletNode {
  static last: FakeWorkletNode | null = null;
  port: { onmessage: ((event: { data: Float32Array }) => void) | null } = { onmessage: null };
  constructor() {
    FakeWorkletNode.last = this;
  }
  connect() {}
  disconnect() {}
}

/** An AudioContext with a worklet whose module load the test can hold. */
function workletContext(gate?: { promise: Promise<void> }) {
  return class extends FakeAudioContext {
    override audioWorklet = { addModule: () => gate?.promise ?? Promise.resolve() };
  };
}

beforeEach(() => resetTransportFakes(FakeWorkletNode));
afterEach(() => vi.unstubAllGlobals());

describe('WebSocket: per-connection state', () => {
  it('a response running when the socket dropped does not make interrupt() cancel on the new connection', async () => {
    const transport = createOpenAIWebSocketTransport({
      getClientSecret: () => 'ek_test',
      WebSocket: FakeWebSocket as unknown as typeof WebSocket,
      AudioContext: FakeAudioContext as unknown as typeof AudioContext,
      microphone: false,
    });
    const first = transport.connect({ signal: signal() });
    const s1 = await socketN(0);
    start(s1);
    await first;
    s1.receive({ type: 'response.created', event_id: 'e1', response: { id: 'resp_1' } });
    s1.receive({ type: 'session.updated', event_id: 'e2', session: { audio: { input: { turn_detection: null } } } });
    s1.remoteClose(1006);
    const second = transport.connect({ signal: signal() });
    const s2 = await socketN(1);
    start(s2);
    await second;
    transport.interrupt?.();
    expect(s2.sentEvents()).toEqual([]);
  });
});

describe('mute', () => {
  it('WebSocket keeps appending at the same cadence while muted, with zeroed audio', async () => {
    const stream = new FakeStream();
    const transport = createOpenAIWebSocketTransport({
      getClientSecret: () => 'ek_test',
      WebSocket: FakeWebSocket as unknown as typeof WebSocket,
      AudioContext: workletContext() as unknown as typeof AudioContext,
      mediaStream: stream as unknown as MediaStream,
    });
    const connecting = transport.connect({ signal: signal() });
    const socket = await socketN(0);
    start(socket);
    await connecting;
    const feed = () => {
      for (let i = 0; i < 10; i++) FakeWorkletNode.last?.port.onmessage?.({ data: new Float32Array(1024).fill(0.3) });
    };
    feed();
    const loud = socket.sentEvents().filter((e) => e.type === 'input_audio_buffer.append');
    transport.setMuted?.(true);
    feed();
    const muted = socket.sentEvents().filter((e) => e.type === 'input_audio_buffer.append').slice(loud.length);
    expect(loud.length).toBeGreaterThan(0);
    expect(muted.length).toBe(loud.length);
    expect(muted.every((e) => Buffer.from(e.audio as string, 'base64').every((byte) => byte === 0))).toBe(true);
    expect(loud.every((e) => Buffer.from(e.audio as string, 'base64').some((byte) => byte !== 0))).toBe(true);
    expect(stream.tracks[0]?.enabled).toBe(false);
  });
});

describe('drops and leftovers', () => {
  it('WebRTC: the data channel closing before it opens fails connect at once', async () => {
    FakePeerConnection.autoOpen = false;
    const transport = createOpenAIWebRTCTransport({
      getClientSecret: () => 'ek_test',
      RTCPeerConnection: FakePeerConnection as unknown as typeof RTCPeerConnection,
      fetch: fakeFetch(() => new Response('v=0', { status: 201 })).fetch,
      mediaDevices: fakeMediaDevices(),
      // "At once" means the channel's close decides, not this deadline: the error names the
      // channel, so a machine of any speed tells the two apart (no wall-clock bound).
      connectTimeoutMs: 600_000,
    });
    const closes: TransportCloseInfo[] = [];
    transport.on('close', (info) => closes.push(info));
    const connecting = transport.connect({ signal: signal() }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(FakePeerConnection.instances[0]?.remote).toBeTruthy());
    FakePeerConnection.instances[0]?.channels[0]?.remoteClose();
    const error = (await connecting) as RealtimeTransportError;
    expect(error.code).toBe('connect_failed');
    expect(error.message).toMatch(/data channel/);
    expect(FakePeerConnection.instances[0]?.closed).toBe(true);
    expect(closes).toEqual([]);
  });

  it('WebSocket: a socket that drops while the worklet loads rejects connect with connect_failed and no close event', async () => {
    let loaded!: () => void;
    const gate = { promise: new Promise<void>((resolve) => (loaded = resolve)) };
    const transport = createOpenAIWebSocketTransport({
      getClientSecret: () => 'ek_test',
      WebSocket: FakeWebSocket as unknown as typeof WebSocket,
      AudioContext: workletContext(gate) as unknown as typeof AudioContext,
      mediaStream: new FakeStream() as unknown as MediaStream,
    });
    const events: string[] = [];
    transport.on('close', (info) => events.push(`close:${info.reason}`));
    const connecting = transport
      .connect({ signal: signal() })
      .then(() => events.push('resolved'), (e: RealtimeTransportError) => events.push(`rejected:${e.code}`));
    const socket = await socketN(0);
    start(socket);
    await new Promise((r) => setTimeout(r, 0));
    socket.remoteClose(1006);
    loaded();
    await connecting;
    expect(events).toEqual(['rejected:connect_failed']);
    expect(FakeAudioContext.instances[0]?.state).toBe('closed');
  });

  it('WebRTC: closing while muted re-enables an app stream and clears callId', async () => {
    const stream = new FakeStream();
    const transport = createOpenAIWebRTCTransport({
      getClientSecret: () => 'ek_test',
      RTCPeerConnection: FakePeerConnection as unknown as typeof RTCPeerConnection,
      fetch: fakeFetch(() => new Response('v=0', { status: 201, headers: { Location: '/v1/realtime/calls/rtc_9' } })).fetch,
      mediaStream: stream as unknown as MediaStream,
    });
    await transport.connect({ signal: signal() });
    expect(transport.callId).toBe('rtc_9');
    transport.setMuted?.(true);
    expect(stream.tracks[0]?.enabled).toBe(false);
    transport.close();
    expect({ enabled: stream.tracks[0]?.enabled, live: stream.tracks[0]?.readyState, callId: transport.callId }).toEqual({
      enabled: true,
      live: 'live',
      callId: null,
    });
    // The mute is remembered: the next connection starts muted.
    await transport.connect({ signal: signal() });
    expect(stream.tracks[0]?.enabled).toBe(false);
  });
});
