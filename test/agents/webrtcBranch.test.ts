import { OpenAIRealtimeWebRTC, OpenAIRealtimeWebSocket, RealtimeAgent, RealtimeSession, type RealtimeTransportLayer } from '@openai/agents-realtime';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createAgentsRealtimeTransport } from '../../src/agents/index.ts';

// The SDK's WebRTC transport cannot connect in Node, but it can be constructed once
// RTCPeerConnection exists; the adapter decides what it needs at construction.
afterEach(() => {
  vi.unstubAllGlobals();
});

const agent = () => new RealtimeAgent({ name: 'Assistant', instructions: 'Be brief.' });

describe('what the adapter takes from the kind of SDK transport', () => {
  test("WebRTC: the server reports playback ('server'), and setMuted mutes through the SDK", () => {
    vi.stubGlobal('RTCPeerConnection', class {});
    const agentSession = new RealtimeSession(agent(), { transport: new OpenAIRealtimeWebRTC() });
    const transport = createAgentsRealtimeTransport({ session: agentSession });
    expect(transport.playbackReporting).toBe('server');
    expect(transport.setMuted).toBeTypeOf('function');
    transport.setMuted?.(true);
    expect(agentSession.muted).toBe(true);
    transport.setMuted?.(false);
    expect(agentSession.muted).toBe(false);
  });

  test("WebSocket: nobody reports playback ('none': the kit estimates it), and there is no setMuted (the app owns the microphone)", () => {
    const transport = createAgentsRealtimeTransport({ session: new RealtimeSession(agent(), { transport: new OpenAIRealtimeWebSocket() }) });
    expect(transport.playbackReporting).toBe('none');
    expect(transport.setMuted).toBeUndefined();
  });

  test('a custom SDK transport layer without connectionState (it is not part of RealtimeTransportLayer) is accepted', () => {
    const custom = Object.assign(new OpenAIRealtimeWebSocket(), {}) as RealtimeTransportLayer;
    Object.defineProperty(custom, 'connectionState', { value: undefined });
    const transport = createAgentsRealtimeTransport({ session: new RealtimeSession(agent(), { transport: custom }) });
    expect(transport.playbackReporting).toBe('none');
  });
});
