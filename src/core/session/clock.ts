/**
 * Opaque handle returned by {@link Clock.setTimeout}.
 *
 * @example
 * ```ts
 * const handle: TimerHandle = clock.setTimeout(tick, 1000);
 * clock.clearTimeout(handle);
 * ```
 */
export type TimerHandle = unknown;

/**
 * The session's source of time. Injected so tests advance time instead of waiting, and so a
 * countdown in the UI reads the same time as the deadlines in the session state.
 *
 * @example
 * ```ts
 * const remainingMs = (endsAt: number, clock: Clock) => Math.max(0, endsAt - clock.now());
 * ```
 */
export interface Clock {
  /** Milliseconds, monotonic enough for deadlines. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * The real clock. Reads globals lazily so importing the kit touches nothing (SSR-safe).
 *
 * @example
 * ```ts
 * createRealtimeSession({ transport, clock: systemClock }); // the default
 * ```
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
