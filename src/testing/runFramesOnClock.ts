import type { Clock } from '../core/session/clock.ts';
import type { RealtimeSession } from '../core/session/types.ts';
import { setFrameScheduler } from '../react/frameScheduler.ts';

/** A frame every 16 ms of the clock, as at 60 frames per second. */
const FRAME_MS = 16;

/**
 * Run `session`'s frames on `clock`: frame-coalesced subscribers (`useTranscript`,
 * `subscribeOncePerFrame`) then hear about changes 16 ms of that clock after them, so a test
 * that moves a virtual clock sees streamed text without real animation frames. Returns a
 * function that gives the session back to real animation frames.
 *
 * `renderWithSession` and `createDemoSession({ clock })` do this for you; call it when you
 * build the session yourself. Run a frame that is still pending with `flushFrame(session)`.
 *
 * @example
 * ```ts
 * import { createRealtimeSession } from 'react-realtime-kit';
 * import { createMockTransport, createVirtualClock, runFramesOnClock } from 'react-realtime-kit/testing';
 *
 * const clock = createVirtualClock();
 * const session = createRealtimeSession({ transport: createMockTransport({ clock }), clock });
 * const realFrames = runFramesOnClock(session, clock);
 * // ... render with <RealtimeProvider session={session}>, then act(() => clock.advance(16))
 * realFrames();
 * ```
 */
export function runFramesOnClock(session: RealtimeSession, clock: Clock): () => void {
  setFrameScheduler(session, (callback) => {
    const handle = clock.setTimeout(callback, FRAME_MS);
    return () => clock.clearTimeout(handle);
  });
  return () => setFrameScheduler(session, null);
}
