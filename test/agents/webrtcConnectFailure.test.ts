import { OpenAIRealtimeWebRTC, RealtimeAgent, RealtimeSession } from '@openai/agents-realtime';
import { afterEach, expect, test, vi } from 'vitest';
import { createAgentsRealtimeTransport } from '../../src/agents/index.ts';
import { createRealtimeSession } from '../../src/core/session/index.ts';
import { RealtimeTransportError } from '../../src/core/transport/RealtimeTransportError.ts';

// The SDK's real WebRTC transport, up to its SDP request: a peer connection and a microphone
// stand-in are enough for it to POST the offer, and `fetch` answers like the API does to a key it
// refuses. On that failure the SDK rejects connect() and, in the same turn, closes itself (its
// 'disconnected' event), so the kit must report the rejection's reason, not "closed".
class FakePeerConnection {
  onconnectionstatechange: (() => void) | null = null;
  ontrack: (() => void) | null = null;
  createDataChannel() {
    return { readyState: 'connecting', addEventListener() {}, removeEventListener() {}, close() {} };
  }
  addTrack() {}
  getSenders() {
    return [];
  }
  createOffer() {
    return Promise.resolve({ type: 'offer', sdp: 'v=0' });
  }
  setLocalDescription() {
    return Promise.resolve();
  }
  close() {}
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const SECRET = 'ek_refused_by_the_server_0123456789';

test("a refused WebRTC call (HTTP 401) fails connect with the SDK's reason, not 'the session closed the connection', and shows no key", async () => {
  vi.stubGlobal('RTCPeerConnection', FakePeerConnection);
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json(
        { error: { type: 'invalid_request_error', code: 'invalid_api_key', message: `Incorrect API key provided: ${SECRET}.` } },
        { status: 401 },
      ),
    ),
  );
  const stream = { getAudioTracks: () => [{ stop() {} }] } as unknown as MediaStream;
  const sdkTransport = new OpenAIRealtimeWebRTC({ mediaStream: stream, audioElement: {} as HTMLAudioElement });
  const agentSession = new RealtimeSession(new RealtimeAgent({ name: 'Assistant', instructions: 'Be brief.' }), { transport: sdkTransport });
  agentSession.on('error', () => {});
  const session = createRealtimeSession({ transport: createAgentsRealtimeTransport({ session: agentSession, connectOptions: { apiKey: SECRET } }) });

  const failure = await session.connect().then(
    () => null,
    (error: unknown) => error,
  );

  expect(failure).toBeInstanceOf(RealtimeTransportError);
  expect((failure as RealtimeTransportError).code).toBe('connect_failed');
  expect((failure as Error).message).toContain('status 401');
  expect((failure as Error).message).not.toContain(SECRET);
  expect(session.getState().status).toBe('error');
  expect(session.getState().error?.message).toContain('status 401');
  expect(sdkTransport.status).toBe('disconnected');
});
