import type { RealtimeSession } from '../core/session/types.ts';
import { requestFrame } from './frameScheduler.ts';

interface FrameBatch {
  listeners: Set<() => void>;
  unsubscribe: (() => void) | null;
  cancelFrame: (() => void) | null;
}

// One batch per session, shared by every subscriber: all of them hear about a frame's changes
// in the same callback, so React renders them in one commit instead of one commit each.
const batches = new WeakMap<RealtimeSession, FrameBatch>();

/**
 * Run `session`'s pending frame now, if one is waiting, so its frame-coalesced subscribers
 * (`useTranscript`, `subscribeOncePerFrame`) hear about every change so far. Returns whether
 * one ran. For tests: the DOM shows the latest streamed text without waiting for a frame.
 * `renderWithSession`'s `advance()` calls it after moving the clock. Exported from
 * `react-realtime-kit/testing`.
 *
 * @example
 * ```ts
 * import { flushFrame } from 'react-realtime-kit/testing';
 *
 * act(() => {
 *   transport.emit({ type: 'response.output_audio_transcript.delta', delta: 'Hel' });
 *   flushFrame(session);
 * });
 * ```
 */
export function flushFrame(session: RealtimeSession): boolean {
  const batch = batches.get(session);
  if (!batch?.cancelFrame) return false;
  batch.cancelFrame();
  flush(batch);
  return true;
}

function flush(batch: FrameBatch): void {
  batch.cancelFrame = null;
  for (const listener of [...batch.listeners]) listener();
}

/**
 * Subscribe to a session's state changes, hearing about them at most once per animation frame.
 * A burst of 500 transcript deltas within one frame becomes one call to `listener`.
 *
 * Used by `useTranscript`; exported from `react-realtime-kit/advanced` for custom hooks that
 * render streaming data. Tests move its frames with `runFramesOnClock` or `flushFrame`
 * (`react-realtime-kit/testing`).
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
