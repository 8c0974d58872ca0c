import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAIWebSocketTransport } from '../../../src/core/transports/createOpenAIWebSocketTransport.ts';
import { RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';
import type { PlaybackEvent, TransportCloseInfo } from '../../../src/core/transport/RealtimeTransport.ts';
import { audioDelta, FakeAudioContext, FakeWebSocket } from './fakes.ts';

const ids = { response_id: 'resp_1', item_id: 'item_a', output_index: 0, content_index: 0 };

function setup(overrides: Record<string, unknown> = {}) {
  const transport = createOpenAIWebSocketTransport({
    getClientSecret: () => Promise.resolve({ value: 'ek_test' }),
    WebSocket: FakeWebSocket as unknown as typeof WebSocket,
    AudioContext: FakeAudioContext as unknown as typeof AudioContext,
    microphone: false,
    ...overrides,
  });
  const closes: TransportCloseInfo[] = [];
  const playback: PlaybackEvent[] = [];
  const messages: unknown[] = [];
  transport.on('close', (info) => closes.push(info));
  transport.on('playback', (event) => playback.push(event));
  transport.on('message', (message) => messages.push(message));
  return { transport, closes, playback, messages };
}

async function connected(overrides: Record<string, unknown> = {}) {
  const harness = setup(overrides);
  const connecting = harness.transport.connect({ signal: new AbortController().signal });
  const socket = await vi.waitFor(() => {
    const instance = FakeWebSocket.instances[0];
    if (!instance) throw new Error('no socket yet');
    return instance;
  });
  socket.open();
  socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
  await connecting;
  return { ...harness, socket, context: FakeAudioContext.instances[0] as FakeAudioContext };
}

beforeEach(() => {
  FakeWebSocket.instances = [];
  FakeAudioContext.instances = [];
});
afterEach(() => vi.unstubAllGlobals());

describe('createOpenAIWebSocketTransport', () => {
  it('authenticates through the subprotocols and names the model in the URL', async () => {
    const { socket, transport } = await connected({ url: 'ws://127.0.0.1:9/v1/realtime', model: 'gpt-realtime-mini' });
    expect(socket.url).toBe('ws://127.0.0.1:9/v1/realtime?model=gpt-realtime-mini');
    expect(socket.protocols).toEqual(['realtime', 'openai-insecure-api-key.ek_test']);
    expect(transport.playbackReporting).toBe('transport');
  });

  it('resolves connect on session.created and forwards parsed messages', async () => {
    const { messages } = await connected();
    expect(messages).toEqual([{ type: 'session.created', event_id: 'e0', session: {} }]);
  });

  it('rejects a bad key with unauthorized (error event, then close)', async () => {
    const { transport } = setup();
    const connecting = transport.connect({ signal: new AbortController().signal }).catch((e: unknown) => e);
    const socket = await vi.waitFor(() => FakeWebSocket.instances[0] ?? Promise.reject(new Error('none')));
    socket.open();
    socket.receive({ type: 'error', event_id: 'e1', error: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided' } });
    socket.remoteClose(3000, 'invalid_api_key');
    const error = (await connecting) as RealtimeTransportError;
    expect(error).toBeInstanceOf(RealtimeTransportError);
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('Incorrect API key');
  });

  it('reports a socket that drops after connecting as a close with a reason', async () => {
    const { socket, closes } = await connected();
    socket.remoteClose(1006);
    expect(closes).toHaveLength(1);
    expect(closes[0]?.reason).toBe('socket_closed');
    expect(closes[0]?.error?.message).toContain('1006');
  });

  it('close() closes the socket and the audio context once', async () => {
    const { transport, socket, closes, context } = await connected();
    transport.close();
    transport.close();
    expect(socket.closedWith).toBe(1000);
    expect(context.state).toBe('closed');
    expect(closes).toEqual([{}]);
  });

  it('plays deltas gaplessly and reports started, then stopped once all audio played', async () => {
    const { socket, context, playback } = await connected();
    socket.receive({ type: 'response.created', event_id: 'e1', response: { id: 'resp_1' } });
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e2', ...ids, delta: audioDelta(200) });
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e3', ...ids, delta: audioDelta(300) });
    expect(playback).toEqual([{ type: 'started', itemId: 'item_a', responseId: 'resp_1' }]);
    const [first, second] = context.started;
    expect(second?.at).toBeCloseTo((first?.at ?? 0) + 0.2);
    socket.receive({ type: 'response.output_audio.done', event_id: 'e4', ...ids });
    context.advance(0.3);
    expect(playback).toHaveLength(1);
    context.advance(0.3);
    expect(playback[1]).toMatchObject({ type: 'stopped', itemId: 'item_a', responseId: 'resp_1' });
    expect((playback[1] as { playedMs: number }).playedMs).toBe(500);
  });

  it('does not report stopped while the server is still sending (an underrun is not the end)', async () => {
    const { socket, context, playback } = await connected();
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e2', ...ids, delta: audioDelta(100) });
    context.advance(0.5);
    expect(playback.map((p) => p.type)).toEqual(['started']);
    socket.receive({ type: 'response.done', event_id: 'e3', response: { id: 'resp_1', status: 'completed' } });
    expect(playback.map((p) => p.type)).toEqual(['started', 'stopped']);
  });

  it('interrupt() cancels the response and truncates the item at the milliseconds heard', async () => {
    const { transport, socket, context, playback } = await connected();
    socket.receive({ type: 'response.created', event_id: 'e1', response: { id: 'resp_1' } });
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e2', ...ids, delta: audioDelta(1000) });
    const start = context.started[0]?.at ?? 0;
    context.advance(start + 0.42);
    transport.interrupt?.();
    expect(socket.sentEvents()).toEqual([
      { type: 'response.cancel' },
      { type: 'conversation.item.truncate', item_id: 'item_a', content_index: 0, audio_end_ms: 420 },
    ]);
    expect(playback.at(-1)).toEqual({ type: 'interrupted', itemId: 'item_a', responseId: 'resp_1', playedMs: 420 });
    expect(context.started[0]?.node.stopped).toBe(true);
  });

  it('interrupt() after the response finished and played sends nothing', async () => {
    const { transport, socket, context } = await connected();
    socket.receive({ type: 'response.created', event_id: 'e1', response: { id: 'resp_1' } });
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e2', ...ids, delta: audioDelta(100) });
    socket.receive({ type: 'response.done', event_id: 'e3', response: { id: 'resp_1' } });
    context.advance(1);
    transport.interrupt?.();
    expect(socket.sentEvents()).toEqual([]);
  });

  it('truncates by itself when the user barges in (speech_started during playback)', async () => {
    const { socket, context } = await connected();
    socket.receive({ type: 'response.created', event_id: 'e1', response: { id: 'resp_1' } });
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e2', ...ids, delta: audioDelta(1000) });
    context.advance((context.started[0]?.at ?? 0) + 0.25);
    socket.receive({ type: 'input_audio_buffer.speech_started', event_id: 'e3', audio_start_ms: 100, item_id: 'item_u' });
    // The server cancels the response itself; the client only reports what was heard.
    expect(socket.sentEvents()).toEqual([
      { type: 'conversation.item.truncate', item_id: 'item_a', content_index: 0, audio_end_ms: 250 },
    ]);
  });

  it('does not cut playback on speech when the session disabled interrupt_response', async () => {
    const { socket, context } = await connected();
    socket.receive({
      type: 'session.updated',
      event_id: 'e1',
      session: { audio: { input: { turn_detection: { type: 'server_vad', interrupt_response: false } } } },
    });
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e2', ...ids, delta: audioDelta(1000) });
    context.advance(0.3);
    socket.receive({ type: 'input_audio_buffer.speech_started', event_id: 'e3', audio_start_ms: 100, item_id: 'item_u' });
    expect(socket.sentEvents()).toEqual([]);
  });

  it('throws not_connected when sending before connect', () => {
    const { transport } = setup();
    expect(() => transport.send({ type: 'input_audio_buffer.clear' })).toThrow(RealtimeTransportError);
  });

  it('refuses a standard API key in a browser before opening a socket', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
    const { transport } = setup({ getClientSecret: () => 'sk-proj-abc' });
    const error = (await transport.connect({ signal: new AbortController().signal }).catch((e: unknown) => e)) as RealtimeTransportError;
    expect(error.code).toBe('api_key_in_browser');
    expect(error.message).toContain('dangerouslyAllowApiKeyInBrowser');
    expect(FakeWebSocket.instances).toHaveLength(0);
  });

  it('drops deltas of an item already cut and never truncates it a second time', async () => {
    const { transport, socket, context, playback } = await connected();
    socket.receive({ type: 'response.created', event_id: 'e1', response: { id: 'resp_1' } });
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e2', ...ids, delta: audioDelta(500) });
    context.advance(0.3);
    transport.interrupt?.();
    const scheduled = context.started.length;
    // Still in flight when the server saw response.cancel.
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e3', ...ids, delta: audioDelta(500) });
    context.advance(0.1);
    transport.interrupt?.();
    socket.receive({ type: 'input_audio_buffer.speech_started', event_id: 'e4', audio_start_ms: 0, item_id: 'item_u' });
    expect(context.started.length).toBe(scheduled);
    const truncates = socket.sentEvents().filter((e) => e.type === 'conversation.item.truncate');
    expect(truncates).toEqual([{ type: 'conversation.item.truncate', item_id: 'item_a', content_index: 0, audio_end_ms: 280 }]);
    expect(playback.filter((p) => p.type === 'interrupted')).toHaveLength(1);
  });

  it('interrupting within the lead of the first chunk truncates at 0 ms', async () => {
    const { transport, socket, playback } = await connected();
    socket.receive({ type: 'response.created', event_id: 'e1', response: { id: 'resp_1' } });
    socket.receive({ type: 'response.output_audio.delta', event_id: 'e2', ...ids, delta: audioDelta(500) });
    transport.interrupt?.();
    expect(socket.sentEvents()).toEqual([
      { type: 'response.cancel' },
      { type: 'conversation.item.truncate', item_id: 'item_a', content_index: 0, audio_end_ms: 0 },
    ]);
    expect(playback.at(-1)).toEqual({ type: 'interrupted', itemId: 'item_a', responseId: 'resp_1', playedMs: 0 });
  });
});

