import type { RealtimeSession } from '../core/session/types.ts';

interface FrameBatch {
  listeners: Set<() => void>;
  unsubscribe: (() => void) | null;
  cancelFrame: (() => void) | null;
}

// One batch per session, shared by every subscriber: all of them hear about a frame's changes
// in the same callback, so React renders them in one commit instead of one commit each.
const batches = new WeakMap<RealtimeSession, FrameBatch>();

/** Schedules `callback` for the next frame; returns a function that cancels it. */
export type FrameScheduler = (callback: () => void) => () => void;

// Per-session frame schedulers, set only by test helpers (`renderWithSession` runs frames on
// the session's virtual clock). Not exported from the package: apps always get real frames.
const schedulers = new WeakMap<RealtimeSession, FrameScheduler>();

/**
 * Internal (test helpers): make the frames of `session`'s subscribers come from `scheduler`,
 * or from real animation frames again with `null`.
 *
 * @example
 * ```ts
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
 * Internal (test helpers): run `session`'s pending frame now, if one is waiting, so its
 * subscribers hear about every change so far. Returns whether one ran.
 *
 * @example
 * ```ts
 * act(() => flushFrame(session));
 * ```
 */
export function flushFrame(session: RealtimeSession): boolean {
  const batch = batches.get(session);
  if (!batch?.cancelFrame) return false;
  batch.cancelFrame();
  flush(batch);
  return true;
}

/**
 * Wait for the next animation frame; `setTimeout(16)` where there is no `requestAnimationFrame`
 * (Node, workers). Globals are read at call time so importing this module touches nothing.
 */
function requestFrame(session: RealtimeSession, callback: () => void): () => void {
  const scheduler = schedulers.get(session);
  if (scheduler) return scheduler(callback);
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
}

function flush(batch: FrameBatch): void {
  batch.cancelFrame = null;
  for (const listener of [...batch.listeners]) listener();
}

/**
 * Subscribe to a session's state changes, hearing about them at most once per animation frame.
 * A burst of 500 transcript deltas within one frame becomes one call to `listener`.
 *
 * Used by `useTranscript`; exported for custom hooks that render streaming data.
 *
 * @example
 * ```ts
 * const unsubscribe = subscribeOncePerFrame(session, () => {
 *   console.log(session.getState().transcript.items.length);
 * });
 * ```
 */
export function subscribeOncePerFrame(session: RealtimeSession, listener: () => void): () => void {
  let batch = batches.get(session);
  if (!batch) {
    batch = { listeners: new Set(), unsubscribe: null, cancelFrame: null };
    batches.set(session, batch);
  }
  const current = batch;
  current.listeners.add(listener);
  if (!current.unsubscribe) {
    current.unsubscribe = session.subscribe(() => {
      current.cancelFrame ??= requestFrame(session, () => flush(current));
    });
  }
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size > 0) return;
    current.unsubscribe?.();
    current.unsubscribe = null;
    current.cancelFrame?.();
    current.cancelFrame = null;
  };
}
