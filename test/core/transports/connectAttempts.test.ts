// Connect attempts: each has its own state and resources, one runs at a time, close() and the
// deadline settle it at once. Regression tests for both OpenAI transports and the session.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRealtimeSession } from '../../../src/core/session/index.ts';
import { createOpenAIWebRTCTransport } from '../../../src/core/transports/createOpenAIWebRTCTransport.ts';
import { createOpenAIWebSocketTransport } from '../../../src/core/transports/createOpenAIWebSocketTransport.ts';
import { RealtimeTransportError } from '../../../src/core/transport/RealtimeTransportError.ts';
import { withTimeout } from '../../../src/core/transports/withTimeout.ts';
import type { TransportCloseInfo } from '../../../src/core/transport/RealtimeTransport.ts';
import { fakeFetch, FakeAudioContext, fakeMediaDevices, FakePeerConnection, FakeStream, FakeWebSocket } from './fakes.ts';

const answer = () => new Response('v=0\r\no=- answer\r\n', { status: 201, headers: { Location: '/v1/realtime/calls/rtc_1' } });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** The error code a connect settled with, 'resolved', or 'pending' if it is still running after `ms`. */
async function outcome(promise: Promise<unknown>, ms = 1000): Promise<string> {
  const settled = promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof RealtimeTransportError ? error.code : String(error)),
  );
  return Promise.race([settled, new Promise<string>((resolve) => setTimeout(() => resolve('pending'), ms))]);
}

function rtc(overrides: Record<string, unknown> = {}) {
  const transport = createOpenAIWebRTCTransport({
    getClientSecret: async () => 'ek_test',
    RTCPeerConnection: FakePeerConnection as unknown as typeof RTCPeerConnection,
    fetch: fakeFetch(answer).fetch,
    mediaDevices: fakeMediaDevices(),
    ...overrides,
  });
  const closes: TransportCloseInfo[] = [];
  transport.on('close', (info) => closes.push(info));
  return { transport, closes };
}

function ws(overrides: Record<string, unknown> = {}) {
  const transport = createOpenAIWebSocketTransport({
    getClientSecret: () => Promise.resolve('ek_test'),
    WebSocket: FakeWebSocket as unknown as typeof WebSocket,
    AudioContext: FakeAudioContext as unknown as typeof AudioContext,
    microphone: false,
    ...overrides,
  });
  const closes: TransportCloseInfo[] = [];
  transport.on('close', (info) => closes.push(info));
  return { transport, closes };
}

const socketN = (n: number) => vi.waitFor(() => FakeWebSocket.instances[n] ?? Promise.reject(new Error('no socket yet')));
const start = (socket: FakeWebSocket) => {
  socket.open();
  socket.receive({ type: 'session.created', event_id: 'e0', session: {} });
};
const signal = () => new AbortController().signal;

beforeEach(() => {
  FakePeerConnection.instances = [];
  FakePeerConnection.autoOpen = true;
  FakeWebSocket.instances = [];
  FakeAudioContext.instances = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('an aborted attempt that wakes up late leaves the next one alone', () => {
  it('session: connect, disconnect, connect, then both keys arrive: connected', async () => {
    const secrets = [deferred<string>(), deferred<string>()];
    let n = 0;
    const { transport } = rtc({ getClientSecret: () => secrets[n++]!.promise });
    const session = createRealtimeSession({ transport });
    void session.connect().catch(() => undefined);
    session.disconnect();
    const second = session.connect().catch((e: unknown) => e);
    secrets[0]!.resolve('ek_a');
    secrets[1]!.resolve('ek_b');
    await second;
    expect(session.getState().status).toBe('connected');
  });

  it('WebRTC: a late microphone answer of the aborted attempt does not close the new peer nor leak its microphone', async () => {
    const prompts = [deferred<MediaStream>(), deferred<MediaStream>()];
    const streams = [new FakeStream(), new FakeStream()];
    let n = 0;
    const { transport, closes } = rtc({ mediaDevices: { getUserMedia: () => prompts[n++]!.promise } });
    const a = new AbortController();
    const first = outcome(transport.connect({ signal: a.signal }));
    await vi.waitFor(() => expect(n).toBe(1));
    a.abort();
    transport.close();
    const second = transport.connect({ signal: signal() });
    await vi.waitFor(() => expect(n).toBe(2));
    prompts[1]!.resolve(streams[1] as unknown as MediaStream);
    await second;
    prompts[0]!.resolve(streams[0] as unknown as MediaStream);
    expect(await first).toBe('aborted');
    await new Promise((r) => setTimeout(r, 0));
    const peer = FakePeerConnection.instances[0]!;
    expect({ closed: peer.closed, live: transport.peerConnection === (peer as unknown), closes: closes.length }).toEqual({
      closed: false,
      live: true,
      closes: 0,
    });
    expect(streams.map((s) => s.tracks[0]!.readyState)).toEqual(['ended', 'live']);
    transport.close();
    expect(streams.map((s) => s.tracks[0]!.readyState)).toEqual(['ended', 'ended']);
  });

  it('WebSocket: disconnect then connect while the keys are pending connects the second attempt', async () => {
    const secrets = [deferred<string>(), deferred<string>()];
    let n = 0;
    const { transport } = ws({ getClientSecret: () => secrets[n++]!.promise });
    const a = new AbortController();
    const first = outcome(transport.connect({ signal: a.signal }));
    a.abort();
    transport.close();
    const second = outcome(transport.connect({ signal: signal() }));
    secrets[0]!.resolve('ek_a');
    secrets[1]!.resolve('ek_b');
    expect(await first).toBe('aborted');
    start(await socketN(0));
    expect(await second).toBe('resolved');
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeAudioContext.instances.map((c) => c.state)).toEqual(['closed', 'running']);
  });
});

describe('a second concurrent connect() is refused', () => {
  it('WebRTC: one peer connection and one microphone', async () => {
    const devices = [new FakeStream(), new FakeStream()];
    let n = 0;
    const { transport } = rtc({ mediaDevices: { getUserMedia: async () => devices[n++] } });
    const first = outcome(transport.connect({ signal: signal() }));
    const second = transport.connect({ signal: signal() }).catch((e: unknown) => e);
    const refused = (await second) as RealtimeTransportError;
    expect(refused.code).toBe('connect_failed');
    expect(refused.message).toContain('already in progress');
    expect(await first).toBe('resolved');
    expect(FakePeerConnection.instances).toHaveLength(1);
    expect(n).toBe(1);
  });

  it('WebSocket: one socket and one AudioContext', async () => {
    const { transport } = ws();
    const first = outcome(transport.connect({ signal: signal() }));
    const refused = await outcome(transport.connect({ signal: signal() }));
    start(await socketN(0));
    expect([await first, refused]).toEqual(['resolved', 'connect_failed']);
    transport.close();
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeAudioContext.instances.map((c) => c.state)).toEqual(['closed']);
  });
});

describe('close() without an abort rejects a pending connect at once with aborted', () => {
  it('WebRTC: while waiting for the data channel', async () => {
    FakePeerConnection.autoOpen = false;
    const { transport, closes } = rtc({ connectTimeoutMs: 5000 });
    const pending = outcome(transport.connect({ signal: signal() }), 200);
    await vi.waitFor(() => expect(FakePeerConnection.instances[0]?.remote).toBeTruthy());
    transport.close();
    expect(await pending).toBe('aborted');
    expect(FakePeerConnection.instances[0]?.closed).toBe(true);
    expect(closes).toEqual([]);
  });

  it('WebRTC: during the SDP POST (the request is aborted too)', async () => {
    const post = deferred<Response>();
    let postSignal: AbortSignal | undefined;
    const { transport } = rtc({
      connectTimeoutMs: 5000,
      fetch: (_url: string, init: RequestInit) => {
        postSignal = init.signal ?? undefined;
        return post.promise;
      },
    });
    const pending = outcome(transport.connect({ signal: signal() }), 200);
    await vi.waitFor(() => expect(postSignal).toBeDefined());
    transport.close();
    expect(await pending).toBe('aborted');
    expect(postSignal?.aborted).toBe(true);
  });

  it('WebSocket: during the handshake', async () => {
    const { transport, closes } = ws({ connectTimeoutMs: 5000 });
    const pending = outcome(transport.connect({ signal: signal() }), 200);
    (await socketN(0)).open();
    transport.close();
    expect(await pending).toBe('aborted');
    expect(FakeWebSocket.instances[0]?.closedWith).toBe(1000);
    expect(closes).toEqual([]);
  });
});

describe('connectTimeoutMs is one deadline for the whole connect()', () => {
  it('WebRTC: a hanging SDP POST fails with connect_failed and its request is aborted', async () => {
    let postSignal: AbortSignal | undefined;
    const { transport } = rtc({
      connectTimeoutMs: 50,
      fetch: (_url: string, init: RequestInit) => {
        postSignal = init.signal ?? undefined;
        return new Promise(() => undefined);
      },
    });
    expect(await outcome(transport.connect({ signal: signal() }))).toBe('connect_failed');
    expect(postSignal?.aborted).toBe(true);
    expect(FakePeerConnection.instances[0]?.closed).toBe(true);
  });

  it('WebRTC: a hanging getClientSecret fails with connect_failed', async () => {
    const { transport } = rtc({ getClientSecret: () => new Promise(() => undefined), connectTimeoutMs: 50 });
    expect(await outcome(transport.connect({ signal: signal() }))).toBe('connect_failed');
  });

  it('WebSocket: a hanging getClientSecret fails with connect_failed and closes the AudioContext', async () => {
    const { transport } = ws({ getClientSecret: () => new Promise(() => undefined), connectTimeoutMs: 50 });
    expect(await outcome(transport.connect({ signal: signal() }))).toBe('connect_failed');
    expect(FakeAudioContext.instances.map((c) => c.state)).toEqual(['closed']);
  });

  it('leaves no timer behind after an abort', async () => {
    FakePeerConnection.autoOpen = false;
    const { transport } = rtc({ iceGatheringTimeoutMs: 0 });
    const controller = new AbortController();
    vi.useFakeTimers();
    const pending = transport.connect({ signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(FakePeerConnection.instances[0]?.remote).toBeTruthy());
    controller.abort();
    expect(((await pending) as RealtimeTransportError).code).toBe('aborted');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('withTimeout clears its timer and its abort listener however it settles', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    const timedOut = withTimeout(new Promise(() => undefined), 10, controller.signal, () => new Error('late'));
    const timedOutError = timedOut.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10);
    expect(((await timedOutError) as Error).message).toBe('late');
    const aborting = new AbortController();
    const aborted = withTimeout(new Promise(() => undefined), 10, aborting.signal, () => new Error('late'));
    aborting.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'aborted' });
    expect(vi.getTimerCount()).toBe(0);
    expect(removed.mock.calls.length).toBe(added.mock.calls.length);
  });
});

describe('WebSocket: the AudioContext is made inside the user gesture', () => {
  it('is created and resumed synchronously in connect(), before the key is fetched', () => {
    const resumed: string[] = [];
    class Context extends FakeAudioContext {
      override async resume() {
        resumed.push('resume');
      }
    }
    const { transport } = ws({ AudioContext: Context, getClientSecret: () => new Promise(() => undefined) });
    void transport.connect({ signal: signal() }).catch(() => undefined);
    expect(FakeAudioContext.instances).toHaveLength(1);
    expect(resumed).toEqual(['resume']);
    transport.close();
  });

  it('is closed when the microphone is refused', async () => {
    const { transport } = ws({
      microphone: true,
      mediaDevices: fakeMediaDevices(Object.assign(new Error('no'), { name: 'NotAllowedError' })),
    });
    expect(await outcome(transport.connect({ signal: signal() }))).toBe('microphone_denied');
    expect(FakeAudioContext.instances.map((c) => c.state)).toEqual(['closed']);
    expect(FakeWebSocket.instances).toHaveLength(0);
  });
});
