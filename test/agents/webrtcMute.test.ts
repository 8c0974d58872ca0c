import { OpenAIRealtimeWebRTC, RealtimeAgent, RealtimeSession } from '@openai/agents-realtime';
import { afterEach, expect, test, vi } from 'vitest';
import { createAgentsRealtimeTransport } from '../../src/agents/index.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { settle } from './agentsHarness.ts';

// The SDK's real WebRTC transport, connected in Node over a fake peer connection: the browser
// surface it uses (RTCPeerConnection, its 'oai-events' data channel, getUserMedia, the SDP POST).
// The fake server acknowledges each session.update with session.updated, which the SDK's
// connect() waits for.

afterEach(() => {
  vi.unstubAllGlobals();
});

class FakeTrack {
  enabled = true;
  stop(): void {}
}

class FakeDataChannel {
  readyState = 'connecting';
  private readonly listeners = new Map<string, Set<(event: unknown) => void>>();
  addEventListener(type: string, listener: (event: unknown) => void): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }
  removeEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  dispatch(type: string, event: unknown): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener(event);
  }
  send(data: string): void {
    const event = JSON.parse(data) as { type: string; session?: unknown };
    if (event.type !== 'session.update') return;
    setTimeout(() => this.dispatch('message', { data: JSON.stringify({ type: 'session.updated', event_id: 'event_su', session: event.session }) }), 0);
  }
  close(): void {
    this.readyState = 'closed';
  }
}

/** Every peer connection the SDK made, in order (one per connect). */
const peers: FakePeerConnection[] = [];

class FakePeerConnection {
  connectionState = 'new';
  onconnectionstatechange: (() => void) | null = null;
  ontrack: unknown = null;
  readonly channel = new FakeDataChannel();
  readonly senders: { track: FakeTrack }[] = [];
  constructor() {
    peers.push(this);
  }
  createDataChannel(): FakeDataChannel {
    return this.channel;
  }
  addTrack(track: FakeTrack): void {
    this.senders.push({ track });
  }
  getSenders(): { track: FakeTrack }[] {
    return this.senders;
  }
  async createOffer() {
    return { type: 'offer', sdp: 'v=0' };
  }
  async setLocalDescription(): Promise<void> {}
  async setRemoteDescription(): Promise<void> {
    setTimeout(() => {
      this.channel.readyState = 'open';
      this.channel.dispatch('open', {});
    }, 0);
  }
  close(): void {
    this.connectionState = 'closed';
  }
}

test("a user muted before a reconnect stays muted on the SDK's WebRTC transport (each connection opens a new microphone track)", async () => {
  peers.length = 0;
  vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
  // A new microphone track per connect, live, as getUserMedia gives it.
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia: async () => ({ getAudioTracks: () => [new FakeTrack()] }) } });
  vi.stubGlobal('fetch', async () => ({ ok: true, headers: { get: () => '/v1/realtime/calls/rtc_1' }, text: async () => 'v=0' }));
  const agentSession = new RealtimeSession(new RealtimeAgent({ name: 'Assistant', instructions: 'Be brief.' }), {
    transport: new OpenAIRealtimeWebRTC({ audioElement: {} as HTMLAudioElement }),
  });
  const session = createRealtimeSession({ transport: createAgentsRealtimeTransport({ session: agentSession, connectOptions: { apiKey: 'ek_test_secret' } }) });
  await session.connect();
  await settle();
  session.setMuted(true);
  expect(peers[0]?.senders[0]?.track.enabled).toBe(false);

  session.disconnect();
  await settle();
  await session.connect();
  await settle();
  expect(session.getState()).toMatchObject({ status: 'connected', muted: true });
  expect(peers).toHaveLength(2);
  expect(peers[1]?.senders[0]?.track.enabled).toBe(false);

  session.setMuted(false);
  expect(peers[1]?.senders[0]?.track.enabled).toBe(true);
  session.disconnect();
});
