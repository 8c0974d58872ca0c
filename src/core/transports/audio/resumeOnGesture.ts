// Safari (and any strict autoplay policy) starts an AudioContext only inside a user gesture. A
// meter often opens after connect() (a visualizer waits for the call to start), so its context is
// made outside one and stays suspended: the levels would read flat until something resumes it.

/** The events that carry user activation (touchend for iOS, where a touch's pointerdown may not). */
const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;
const LISTENING: AddEventListenerOptions = { capture: true, passive: true };

/** What keeps one context running while the meters use it. */
export interface GestureResumer {
  /** Cheap, called at each read: arm the gesture listeners if the context is suspended, drop them if not. */
  check(): void;
  /** The meters let the context go: remove the listeners. */
  stop(): void;
}

/**
 * Resume `context` at once and, while it stays suspended, again at the page's next user gesture
 * (capture listeners on `window`, removed once it runs or closes). No listener exists while the
 * context is running, and none before the first `check()`.
 *
 * @example
 * ```ts
 * const resumer = createGestureResumer(context);
 * resumer.check(); // at each read of a meter
 * resumer.stop(); // when the meters release the context
 * ```
 */
export function createGestureResumer(context: AudioContext): GestureResumer {
  let armed = false;
  const target = typeof window === 'undefined' ? null : window;

  const stop = () => {
    if (!armed) return;
    armed = false;
    for (const type of GESTURES) target?.removeEventListener(type, resume, LISTENING);
  };
  const settled = () => {
    if (context.state !== 'suspended') stop();
  };
  // Synchronous inside the listener: the activation lasts only while the event is dispatched.
  function resume() {
    if (context.state !== 'suspended') {
      stop();
      return;
    }
    try {
      // Refused outside a gesture: the listeners stay for the next one.
      context.resume().then(settled, () => undefined);
    } catch {
      // A context that cannot resume at all: nothing better to do than wait for the next gesture.
    }
  }

  return {
    check() {
      if (context.state !== 'suspended') {
        stop();
        return;
      }
      if (armed) return;
      armed = true;
      for (const type of GESTURES) target?.addEventListener(type, resume, LISTENING);
      resume();
    },
    stop,
  };
}
