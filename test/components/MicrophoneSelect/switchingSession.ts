import { createRealtimeSession } from '../../../src/core/session/index.ts';
import { createMockTransport, createVirtualClock } from '../../../src/testing/index.ts';

/**
 * A real session on the mock transport, whose `setMicrophoneDevice` the test controls: each
 * switch waits until the test settles it (`resolveSwitch()` or `rejectSwitch(error)`), or
 * settles at once with `settleAt: 'once'`.
 */
export function createSwitchingSession(options: { settle?: 'manual' | 'at once' } = {}) {
  const clock = createVirtualClock(0);
  const transport = createMockTransport({ clock });
  const switches: (string | null)[] = [];
  let failWith: Error | null = null;
  const waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  transport.setMicrophoneDevice = (deviceId) => {
    switches.push(deviceId);
    if (options.settle !== 'manual') {
      const error = failWith;
      failWith = null;
      return error ? Promise.reject(error) : Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const session = createRealtimeSession({ transport, clock, idle: { timeoutMs: null } });
  return {
    session,
    transport,
    clock,
    switches,
    /** The next switch (settled at once) fails with this. */
    failNextSwitch(error: Error) {
      failWith = error;
    },
    resolveSwitch: () => waiting.shift()!.resolve(),
    rejectSwitch: (error: Error) => waiting.shift()!.reject(error),
  };
}
