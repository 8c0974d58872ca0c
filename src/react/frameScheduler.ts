import type { RealtimeSession } from '../core/session/types.ts';

/**
 * Schedules `callback` for the next frame and returns a function that cancels it. The frame
 * scheduler decides when frame-coalesced subscribers (`useTranscript`, `subscribeOncePerFrame`)
 * hear about a session's changes; by default that is the next animation frame.
 *
 * @example
 * ```ts
 * const onVirtualClock: FrameScheduler = (callback) => {
 *   const handle = clock.setTimeout(callback, 16);
 *   return () => clock.clearTimeout(handle);
 * };
 * ```
 */
export type FrameScheduler = (callback: () => void) => () => void;

// Per-session frame schedulers, set by test and demo helpers so that frames follow a virtual
// clock. A WeakMap: a session that is dropped takes its scheduler with it.
const schedulers = new WeakMap<RealtimeSession, FrameScheduler>();

/**
 * Make the frames of `session`'s frame-coalesced subscribers (`useTranscript`,
 * `subscribeOncePerFrame`) come from `scheduler` instead of `requestAnimationFrame`, or from
 * real animation frames again with `null`. For tests and demos that run on a clock of their
 * own: `runFramesOnClock` does this for a virtual clock, and `renderWithSession` and
 * `createDemoSession({ clock })` call it for you. Exported from `react-realtime-kit/testing`.
 *
 * @example
 * ```ts
 * import { setFrameScheduler } from 'react-realtime-kit/testing';
 *
 * setFrameScheduler(session, (callback) => {
 *   const handle = clock.setTimeout(callback, 16);
 *   return () => clock.clearTimeout(handle);
 * });
 * ```
 */
export function setFrameScheduler(session: RealtimeSession, scheduler: FrameScheduler | null): void {
  if (scheduler) schedulers.set(session, scheduler);
  else schedulers.delete(session);
}

/**
 * Wait for `session`'s next frame: its scheduler's if one is set, else the next animation frame,
 * or `setTimeout(16)` where there is no `requestAnimationFrame` (Node, workers). Globals are
 * read at call time so importing this module touches nothing.
 */
export function requestFrame(session: RealtimeSession, callback: () => void): () => void {
  const scheduler = schedulers.get(session);
  if (scheduler) return scheduler(callback);
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
}
