/** Opaque handle returned by {@link Clock.setTimeout}. */
export type TimerHandle = unknown;

/**
 * The session's source of time. Injected so tests advance time instead of waiting, and so a
 * countdown in the UI reads the same time as the deadlines in the session state.
 */
export interface Clock {
  /** Milliseconds, monotonic enough for deadlines. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The real clock. Reads globals lazily so importing the kit touches nothing (SSR-safe). */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
