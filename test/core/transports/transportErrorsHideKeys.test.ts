import { inspect } from 'node:util';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpenAIWebRTCTransport } from '../../../src/core/transports/createOpenAIWebRTCTransport.ts';
import { createOpenAIWebSocketTransport } from '../../../src/core/transports/createOpenAIWebSocketTransport.ts';
import type { TransportCloseInfo } from '../../../src/core/transport/RealtimeTransport.ts';
import { FakeAudioContext, fakeMediaDevices, FakePeerConnection, FakeWebSocket } from './fakes.ts';

// The ephemeral key the transport got from getClientSecret must not come back in its errors
// when the other side echoes it: a WebSocket close reason, the server's first error event, the
// error a fetch throws for the SDP POST.

const SECRET_PART = 'Hx4SecretPart8Tz';
const key = `ek_68a1b2c3${SECRET_PART}`;

function shown(error: unknown): string {
  return inspect(error, { depth: 10 });
}

beforeEach(() => {
  FakeWebSocket.instances = [];
  FakePeerConnection.instances = [];
  FakePeerConnection.autoOpen = true;
});

function webSocketTransport() {
  const transport = createOpenAIWebSocketTransport({
    getClientSecret: () => key,
    WebSocket: FakeWebSocket as unknown as typeof WebSocket,
    AudioContext: FakeAudioContext as unknown as typeof AudioContext,
    microphone: false,
  });
  const connecting = transport.connect({ signal: new AbortController().signal });
  const socket = vi.waitFor(() => FakeWebSocket.instances[0] ?? Promise.reject(new Error('no socket yet')));
  return { transport, connecting, socket };
}

describe('transport errors never repeat the key', () => {
  it('WebSocket: a close reason that echoes the key, before the session started', async () => {
    const { connecting, socket } = webSocketTransport();
    (await socket).open();
    (await socket).remoteClose(1008, `invalid key ${key}`);
    const error = await connecting.catch((e: unknown) => e);
    expect(shown(error)).toMatch(/code 1008, invalid key ek_\*\*\*/);
    expect(shown(error)).not.toContain(SECRET_PART);
  });

  it("WebSocket: the server's first error event that echoes the key", async () => {
    const { connecting, socket } = webSocketTransport();
    (await socket).open();
    (await socket).receive({ type: 'error', event_id: 'e1', error: { type: 'invalid_request_error', code: 'invalid_api_key', message: `Incorrect key ${key}` } });
    (await socket).remoteClose(1008, '');
    const error = await connecting.catch((e: unknown) => e);
    expect(shown(error)).toContain('Incorrect key ek_***');
    expect(shown(error)).not.toContain(SECRET_PART);
  });

  it('WebSocket: a close reason that echoes the key, after the session started', async () => {
    const { transport, connecting, socket } = webSocketTransport();
    const closes: TransportCloseInfo[] = [];
    transport.on('close', (info) => closes.push(info));
    (await socket).open();
    (await socket).receive({ type: 'session.created', event_id: 'e0', session: {} });
    await connecting;
    (await socket).remoteClose(4000, `session for ${key} expired`);
    expect(closes).toHaveLength(1);
    expect(shown(closes[0])).not.toContain(SECRET_PART);
  });

  it('WebRTC: a fetch that throws quoting the Authorization header', async () => {
    const transport = createOpenAIWebRTCTransport({
      getClientSecret: () => key,
      RTCPeerConnection: FakePeerConnection as unknown as typeof RTCPeerConnection,
      mediaDevices: fakeMediaDevices(),
      fetch: (async (_url: string, init?: RequestInit) => {
        const auth = (init?.headers as Record<string, string>).Authorization;
        throw Object.assign(new TypeError(`request to /v1/realtime/calls failed (Authorization: ${auth})`), { headers: init?.headers });
      }) as typeof fetch,
    });
    const error = await transport.connect({ signal: new AbortController().signal }).catch((e: unknown) => e);
    expect(shown(error)).toMatch(/Could not reach/);
    expect(shown(error)).not.toContain(SECRET_PART);
  });
});
