/** A minimal external store: the shape `useSyncExternalStore` and zustand's vanilla store share. */
export interface Store<T> {
  getState(): T;
  /** Replace the state. Nothing happens when `next` is the current state (`Object.is`). */
  setState(next: T): void;
  /** Called after every change with the new and previous state. Returns an unsubscribe. */
  subscribe(listener: (state: T, previous: T) => void): () => void;
}

/**
 * Create a store holding one immutable value. A listener that throws does not stop the others:
 * its error goes to `onListenerError` (the session turns it into an `error` event).
 *
 * @example
 * ```ts
 * const store = createStore({ count: 0 });
 * const unsubscribe = store.subscribe((state, previous) => console.log(previous.count, '->', state.count));
 * store.setState({ count: 1 }); // logs "0 -> 1"
 * store.setState(store.getState()); // unchanged: no call
 * unsubscribe();
 * ```
 */
export function createStore<T>(initial: T, onListenerError?: (error: unknown) => void): Store<T> {
  let state = initial;
  const listeners = new Set<(state: T, previous: T) => void>();
  return {
    getState: () => state,
    setState(next) {
      if (Object.is(next, state)) return;
      const previous = state;
      state = next;
      for (const listener of listeners) {
        try {
          listener(state, previous);
        } catch (error) {
          if (onListenerError) onListenerError(error);
          else throw error;
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
