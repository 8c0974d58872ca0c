import { describe, expect, it } from 'vitest';
import { RealtimeConfigError } from '../../../src/core/protocol/errors.ts';
import { createOpenAIWebRTCTransport } from '../../../src/core/transports/createOpenAIWebRTCTransport.ts';
import { createOpenAIWebSocketTransport } from '../../../src/core/transports/createOpenAIWebSocketTransport.ts';

// A timer holds at most 2^31-1 ms; a longer delay overflows and fires after 1 ms, so a huge
// connectTimeoutMs failed every connect at once. Durations are checked when the transport is made.

const getClientSecret = () => 'ek_test';

function configErrorOf(run: () => unknown): RealtimeConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof RealtimeConfigError) return error;
    throw new Error(`expected a RealtimeConfigError, got ${String(error)}`);
  }
  throw new Error('expected a RealtimeConfigError, nothing was thrown');
}

describe('transport durations a timer cannot hold', () => {
  it('WebRTC: connectTimeoutMs, disconnectTimeoutMs and iceGatheringTimeoutMs are checked at creation', () => {
    const error = configErrorOf(() =>
      createOpenAIWebRTCTransport({ getClientSecret, connectTimeoutMs: 2 ** 31, disconnectTimeoutMs: -1, iceGatheringTimeoutMs: Number.NaN }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['connectTimeoutMs', 'disconnectTimeoutMs', 'iceGatheringTimeoutMs']);
    expect(error.message).toMatch(/connectTimeoutMs: must be a number of ms from 0 to 2147483647.*got 2147483648/);
    expect(() => createOpenAIWebRTCTransport({ getClientSecret, connectTimeoutMs: 2 ** 31 - 1 })).not.toThrow();
  });

  it('WebSocket: connectTimeoutMs is checked at creation; null and strings are errors too', () => {
    expect(configErrorOf(() => createOpenAIWebSocketTransport({ getClientSecret, connectTimeoutMs: 2 ** 31 })).issues[0]?.path).toBe(
      'connectTimeoutMs',
    );
    const loose = { getClientSecret, connectTimeoutMs: '5000' } as unknown as Parameters<typeof createOpenAIWebSocketTransport>[0];
    expect(configErrorOf(() => createOpenAIWebSocketTransport(loose)).message).toContain('got "5000"');
    const nulled = { getClientSecret, connectTimeoutMs: null } as unknown as Parameters<typeof createOpenAIWebSocketTransport>[0];
    expect(configErrorOf(() => createOpenAIWebSocketTransport(nulled)).message).toContain('got null');
    expect(() => createOpenAIWebSocketTransport({ getClientSecret })).not.toThrow();
  });
});
