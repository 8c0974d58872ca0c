import { useCallback, useState, useSyncExternalStore } from 'react';
import type { RealtimeSession, SessionState } from '../core/session/types.ts';

/** How a selector hook learns that the session state may have changed. */
export type SessionSubscribe = (session: RealtimeSession, onChange: () => void) => () => void;

const subscribeToEveryChange: SessionSubscribe = (session, onChange) => session.subscribe(onChange);

/**
 * The last selection, kept across renders. A cache of a pure function of (state, selector): a
 * render that React throws away cannot leave it wrong.
 */
class SelectionMemo<S> {
  private has = false;
  private state: SessionState | undefined;
  private selector: unknown;
  private selection: S | undefined;

  select(state: SessionState, selector: (state: SessionState) => S, isEqual: (a: S, b: S) => boolean): S {
    if (this.has && this.state === state && this.selector === selector) return this.selection as S;
    const next = selector(state);
    this.state = state;
    this.selector = selector;
    if (this.has && isEqual(this.selection as S, next)) return this.selection as S;
    this.has = true;
    this.selection = next;
    return next;
  }
}

/**
 * Subscribe a component to one slice of a session's state, in the manner of zustand's
 * `useStore` and `useSyncExternalStoreWithSelector`: the component re-renders only when the
 * selected slice changes by `isEqual` (default `Object.is`), and an equal slice keeps the
 * identity it had, so memoized children and effect dependencies stay quiet.
 *
 * Internal engine of every state hook; `subscribe` lets `useTranscript` batch notifications per
 * animation frame.
 *
 * @example
 * ```ts
 * const muted = useSessionSelector(session, (state) => state.muted);
 * ```
 */
export function useSessionSelector<S>(
  session: RealtimeSession,
  selector: (state: SessionState) => S,
  isEqual: (a: S, b: S) => boolean = Object.is,
  subscribeWith: SessionSubscribe = subscribeToEveryChange,
): S {
  // The memo outlives renders so an equal selection keeps its identity even when the caller
  // passes a new inline selector each render.
  const [memo] = useState(() => new SelectionMemo<S>());

  const subscribe = useCallback(
    (onChange: () => void) => subscribeWith(session, onChange),
    [session, subscribeWith],
  );

  const getSnapshot = (): S => memo.select(session.getState(), selector, isEqual);

  // The server snapshot is the session's current state: on the server nothing changes it.
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
