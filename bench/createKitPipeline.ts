import { createRealtimeSession } from '../src/core/session/index.ts';
import { createVirtualClock } from '../src/testing/createVirtualClock.ts';
import { createBenchTransport } from './createBenchTransport.ts';

/**
 * A connected session with a state subscriber and an event handler, as an app has, on a
 * virtual clock so no idle timer fires mid-measurement. Returns the deliver function.
 */
export async function createKitPipeline(): Promise<(data: string) => void> {
  const transport = createBenchTransport();
  const session = createRealtimeSession({ transport, clock: createVirtualClock(), idle: { timeoutMs: 8000 } });
  // No-op listeners: what they do is the app's cost; notifying them is the kit's.
  session.subscribe(() => {});
  session.on('transcript_delta', () => {});
  await session.connect();
  return transport.deliver;
}
