import type { RealtimeSession } from '../core/session/types.ts';

interface FrameBatch {
  listeners: Set<() => void>;
  unsubscribe: (() => void) | null;
  cancelFrame: (() => void) | null;
}

// One batch per session, shared by every subscriber: all of them hear about a frame's changes
// in the same callback, so React renders them in one commit instead of one commit each.
const batches = new WeakMap<RealtimeSession, FrameBatch>();

/**
 * Wait for the next animation frame; `setTimeout(16)` where there is no `requestAnimationFrame`
 * (Node, workers). Globals are read at call time so importing this module touches nothing.
 */
function requestFrame(callback: () => void): () => void {
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
      current.cancelFrame ??= requestFrame(() => flush(current));
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
