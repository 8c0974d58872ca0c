import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAIWebRTCTransport } from '../../../src/core/transports/createOpenAIWebRTCTransport.ts';
import { RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';
import type { TransportCloseInfo } from '../../../src/core/transport/RealtimeTransport.ts';
import { domError, fakeFetch, fakeMediaDevices, FakePeerConnection, FakeStream } from './fakes.ts';

const answer = () =>
  new Response('v=0\r\no=- answer\r\n', { status: 201, headers: { Location: '/v1/realtime/calls/rtc_123' } });

function setup(overrides: Record<string, unknown> = {}) {
  const devices = fakeMediaDevices();
  const http = fakeFetch(answer);
  const transport = createOpenAIWebRTCTransport({
    getClientSecret: async () => 'ek_test',
    RTCPeerConnection: FakePeerConnection as unknown as typeof RTCPeerConnection,
    fetch: http.fetch,
    mediaDevices: devices,
    ...overrides,
  });
  const closes: TransportCloseInfo[] = [];
  transport.on('close', (info) => closes.push(info));
  return { transport, devices, http, closes, signal: new AbortController().signal };
}

beforeEach(() => {
  FakePeerConnection.instances = [];
  FakePeerConnection.autoOpen = true;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createOpenAIWebRTCTransport', () => {
  it('posts the SDP offer with the ephemeral key and applies the answer', async () => {
    const { transport, http, signal } = setup({ baseUrl: 'http://127.0.0.1:9999', model: 'gpt-realtime' });
    await transport.connect({ signal });
    expect(http.calls).toHaveLength(1);
    const [call] = http.calls;
    expect(call?.url).toBe('http://127.0.0.1:9999/v1/realtime/calls?model=gpt-realtime');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.headers).toMatchObject({ Authorization: 'Bearer ek_test', 'Content-Type': 'application/sdp' });
    expect(call?.init.body).toBe('v=0\r\no=- offer\r\n');
    const pc = FakePeerConnection.instances[0];
    expect(pc?.remote).toEqual({ type: 'answer', sdp: 'v=0\r\no=- answer\r\n' });
    expect(pc?.channels[0]?.label).toBe('oai-events');
    expect(pc?.tracks).toHaveLength(1);
    expect(transport.callId).toBe('rtc_123');
    expect(transport.playbackReporting).toBe('server');
  });

  it('defaults to the OpenAI API origin', async () => {
    const { transport, http, signal } = setup();
    await transport.connect({ signal });
    expect(http.calls[0]?.url).toBe('https://api.openai.com/v1/realtime/calls');
  });

  it('resolves only once the data channel is open', async () => {
    FakePeerConnection.autoOpen = false;
    const { transport, signal } = setup();
    let resolved = false;
    const connecting = transport.connect({ signal }).then(() => (resolved = true));
    await vi.waitFor(() => expect(FakePeerConnection.instances[0]?.remote).toBeTruthy());
    await Promise.resolve();
    expect(resolved).toBe(false);
    FakePeerConnection.instances[0]?.channels[0]?.open();
    await connecting;
    expect(resolved).toBe(true);
  });

  it('sends events as JSON on the channel and emits received messages', async () => {
    const { transport, signal } = setup();
    const messages: unknown[] = [];
    transport.on('message', (message) => messages.push(message));
    await transport.connect({ signal });
    const channel = FakePeerConnection.instances[0]?.channels[0];
    transport.send({ type: 'input_audio_buffer.clear' });
    expect(channel?.sentEvents()).toEqual([{ type: 'input_audio_buffer.clear' }]);
    channel?.receive('{"type":"session.created"}');
    channel?.receive('not json');
    expect(messages).toEqual([{ type: 'session.created' }, 'not json']);
  });

  it('interrupts with response.cancel and output_audio_buffer.clear, each only when it applies', async () => {
    const { transport, signal } = setup();
    await transport.connect({ signal });
    const channel = FakePeerConnection.instances[0]?.channels[0];
    transport.interrupt?.();
    expect(channel?.sentEvents()).toEqual([]);
    channel?.receive('{"type":"response.created","event_id":"e1","response":{"id":"r1"}}');
    channel?.receive('{"type":"output_audio_buffer.started","event_id":"e2","response_id":"r1"}');
    transport.interrupt?.();
    expect(channel?.sentEvents().map((e) => e.type)).toEqual(['response.cancel', 'output_audio_buffer.clear']);
    // After response.done the server may still be playing: only the clear applies.
    channel?.receive('{"type":"response.done","event_id":"e3","response":{"id":"r1"}}');
    transport.interrupt?.();
    expect(channel?.sentEvents().map((e) => e.type).slice(2)).toEqual(['output_audio_buffer.clear']);
    channel?.receive('{"type":"output_audio_buffer.cleared","event_id":"e4","response_id":"r1"}');
    transport.interrupt?.();
    expect(channel?.sentEvents()).toHaveLength(3);
  });

  it('mutes by disabling the microphone track', async () => {
    const stream = new FakeStream();
    const { transport, signal } = setup({ mediaStream: stream });
    await transport.connect({ signal });
    transport.setMuted?.(true);
    expect(stream.tracks[0]?.enabled).toBe(false);
    transport.setMuted?.(false);
    expect(stream.tracks[0]?.enabled).toBe(true);
  });

  it('reports a closed data channel after connecting as a close with a reason and an error', async () => {
    const { transport, closes, signal } = setup();
    await transport.connect({ signal });
    FakePeerConnection.instances[0]?.channels[0]?.remoteClose();
    expect(closes).toHaveLength(1);
    expect(closes[0]?.reason).toBe('data_channel_closed');
    expect(closes[0]?.error).toBeInstanceOf(RealtimeTransportError);
    expect(FakePeerConnection.instances[0]?.closed).toBe(true);
  });

  it('reports ICE failure at once', async () => {
    const { transport, closes, signal } = setup();
    await transport.connect({ signal });
    FakePeerConnection.instances[0]?.setState('failed');
    expect(closes.map((c) => c.reason)).toEqual(['ice_failed']);
  });

  it('waits out a brief "disconnected" and drops after the timeout', async () => {
    const { transport, closes, signal } = setup({ disconnectTimeoutMs: 3000 });
    await transport.connect({ signal });
    vi.useFakeTimers();
    const pc = FakePeerConnection.instances[0];
    pc?.setState('disconnected');
    vi.advanceTimersByTime(2000);
    pc?.setState('connected');
    vi.advanceTimersByTime(5000);
    expect(closes).toEqual([]);
    pc?.setState('disconnected');
    vi.advanceTimersByTime(3000);
    expect(closes.map((c) => c.reason)).toEqual(['ice_disconnected']);
  });

  it('close() releases the peer connection and its own microphone, and emits one close without error', async () => {
    const stream = new FakeStream();
    const { transport, closes, signal } = setup({ mediaDevices: fakeMediaDevices(stream) });
    await transport.connect({ signal });
    transport.close();
    transport.close();
    expect(FakePeerConnection.instances[0]?.closed).toBe(true);
    expect(stream.tracks[0]?.readyState).toBe('ended');
    expect(closes).toEqual([{}]);
    expect(transport.peerConnection).toBeNull();
  });

  it('leaves a stream it was given running on close', async () => {
    const stream = new FakeStream();
    const { transport, signal } = setup({ mediaStream: stream });
    await transport.connect({ signal });
    transport.close();
    expect(stream.tracks[0]?.readyState).toBe('live');
  });

  it('rejects with unauthorized on HTTP 401 and releases the microphone', async () => {
    const stream = new FakeStream();
    const http = fakeFetch(
      () => new Response(JSON.stringify({ error: { message: 'Incorrect API key provided' } }), { status: 401 }),
    );
    const { transport, signal } = setup({ fetch: http.fetch, mediaDevices: fakeMediaDevices(stream) });
    const error = await transport.connect({ signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RealtimeTransportError);
    expect((error as RealtimeTransportError).code).toBe('unauthorized');
    expect((error as RealtimeTransportError).message).toContain('Incorrect API key provided');
    expect(stream.tracks[0]?.readyState).toBe('ended');
    expect(FakePeerConnection.instances[0]?.closed).toBe(true);
  });

  it('turns a refused microphone into microphone_denied before any network call', async () => {
    const { transport, http, signal } = setup({ mediaDevices: fakeMediaDevices(domError('NotAllowedError')) });
    const error = await transport.connect({ signal }).catch((e: unknown) => e);
    expect((error as RealtimeTransportError).code).toBe('microphone_denied');
    expect(http.calls).toHaveLength(0);
  });

  it('refuses a standard API key in a browser unless the dangerous option is set', async () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', { createElement: () => ({ remove() {}, pause() {} }) });
    const refused = setup({ getClientSecret: () => 'sk-live-secret' });
    const error = await refused.transport.connect({ signal: refused.signal }).catch((e: unknown) => e);
    expect((error as RealtimeTransportError).code).toBe('api_key_in_browser');
    expect(refused.http.calls).toHaveLength(0);

    const allowed = setup({ getClientSecret: () => 'sk-live-secret', dangerouslyAllowApiKeyInBrowser: true });
    await allowed.transport.connect({ signal: allowed.signal });
    expect(allowed.http.calls[0]?.init.headers).toMatchObject({ Authorization: 'Bearer sk-live-secret' });
  });

  it('aborts when the signal fires while connecting', async () => {
    FakePeerConnection.autoOpen = false;
    const { transport } = setup();
    const controller = new AbortController();
    const connecting = transport.connect({ signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(FakePeerConnection.instances[0]?.remote).toBeTruthy());
    controller.abort();
    expect(((await connecting) as RealtimeTransportError).code).toBe('aborted');
    expect(FakePeerConnection.instances[0]?.closed).toBe(true);
  });

  it('touches no browser global when created (SSR)', () => {
    expect(() => createOpenAIWebRTCTransport({ getClientSecret: () => 'ek_x' })).not.toThrow();
  });
});
