import type { Clock, TimerHandle } from '../core/session/clock.ts';

/**
 * A {@link Clock} whose time only moves when a test says so.
 *
 * Await between advances when promises are involved: `advance()` runs timers synchronously, so
 * work a timer starts through a promise (a transport's delayed `connect()` resolving, an async
 * handler) has not happened yet when it returns, and timers that work would schedule are missed.
 * `await clock.advanceAsync(ms)` lets pending promises settle before and after each timer, like
 * Vitest's `advanceTimersByTimeAsync`.
 */
export interface VirtualClock extends Clock {
  /**
   * Move time forward by `ms`, running every timer that falls due on the way, in due order
   * (ties in scheduling order). Timers scheduled by those callbacks run too if they fall due
   * before the end. `now()` inside a callback reads the timer's own due time.
   * Throws if more than 10,000 timers run at one instant (a timer rescheduling itself at 0 ms
   * forever) instead of hanging the test.
   */
  advance(ms: number): void;
  /**
   * Like {@link VirtualClock.advance}, but lets pending promises (and their microtasks) settle
   * before the first timer, between timers and at the end, by yielding to the event loop.
   * Use it when a timer's effect goes through a promise, e.g. a delayed connect:
   * `const connecting = session.connect(); await clock.advanceAsync(200); await connecting;`
   */
  advanceAsync(ms: number): Promise<void>;
  /** Move time forward to an absolute clock time (no-op if it is in the past). */
  advanceTo(time: number): void;
  /** Number of timers scheduled and not yet run or cleared. */
  pending(): number;
  /** Due time of the earliest pending timer, or null when none is pending. */
  nextTimerAt(): number | null;
}

interface VirtualTimer {
  due: number;
  seq: number;
  callback: () => void;
}

/** Timers run at one instant before `advance` decides a timer reschedules itself forever. */
const MAX_TIMERS_AT_ONE_INSTANT = 10_000;

// Taken at import, so a test that fakes the global timers later still gets a real yield.
const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === 'function'
    ? ((real) => () => new Promise<void>((resolve) => real(resolve)))(setImmediate)
    : ((real) => () => new Promise<void>((resolve) => real(resolve, 0)))(setTimeout);

/**
 * Create a virtual clock for tests: inject it into a session so idle deadlines, grace
 * countdowns and playback estimates run without real waiting.
 *
 * @param start The initial value of `now()` (default 0).
 * @example
 * ```ts
 * const clock = createVirtualClock();
 * const session = createRealtimeSession({ transport, idle: { timeoutMs: 5000 }, clock });
 * await session.connect();
 * clock.advance(5000); // the client silence clock fires, no real waiting
 * ```
 *
 * @example With promises in the way: await between advances
 * ```ts
 * const clock = createVirtualClock();
 * const transport = createMockTransport({ clock, connectDelayMs: 200 });
 * const session = createRealtimeSession({ transport, clock });
 * const connecting = session.connect();
 * await clock.advanceAsync(200); // the connect timer fires and its promise settles
 * await connecting;
 * ```
 */
export function createVirtualClock(start = 0): VirtualClock {
  let now = start;
  let seq = 0;
  // Few timers are ever pending at once (a session keeps two or three), so a linear scan
  // for the earliest one is simpler and as fast as a heap.
  const timers = new Set<VirtualTimer>();
  let instant = start;
  let runAtInstant = 0;

  const nextDue = (limit: number): VirtualTimer | undefined => {
    let best: VirtualTimer | undefined;
    for (const timer of timers) {
      if (timer.due > limit) continue;
      if (!best || timer.due < best.due || (timer.due === best.due && timer.seq < best.seq)) best = timer;
    }
    return best;
  };

  const run = (timer: VirtualTimer): void => {
    timers.delete(timer);
    now = Math.max(now, timer.due);
    if (now !== instant) {
      instant = now;
      runAtInstant = 0;
    }
    if (++runAtInstant > MAX_TIMERS_AT_ONE_INSTANT) {
      runAtInstant = 0;
      throw new Error(
        `VirtualClock: more than ${MAX_TIMERS_AT_ONE_INSTANT} timers ran at time ${now} without time moving; ` +
          'a timer probably reschedules itself with a 0 ms delay forever.',
      );
    }
    timer.callback();
  };

  const advanceTo = (target: number): void => {
    if (!(target > now)) {
      target = now;
    }
    runAtInstant = 0;
    for (let timer = nextDue(target); timer; timer = nextDue(target)) run(timer);
    now = target;
  };

  const advanceAsync = async (ms: number): Promise<void> => {
    const target = ms > 0 ? now + ms : now;
    runAtInstant = 0;
    await yieldToEventLoop();
    for (let timer = nextDue(target); timer; timer = nextDue(target)) {
      run(timer);
      await yieldToEventLoop();
    }
    now = Math.max(now, target);
    await yieldToEventLoop();
  };

  return {
    now: () => now,
    setTimeout(callback: () => void, ms: number): TimerHandle {
      const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
      const timer: VirtualTimer = { due: now + delay, seq: seq++, callback };
      timers.add(timer);
      return timer;
    },
    clearTimeout(handle: TimerHandle): void {
      timers.delete(handle as VirtualTimer);
    },
    advance: (ms: number) => advanceTo(now + ms),
    advanceAsync,
    advanceTo,
    pending: () => timers.size,
    nextTimerAt: () => {
      let earliest: number | null = null;
      for (const timer of timers) if (earliest === null || timer.due < earliest) earliest = timer.due;
      return earliest;
    },
  };
}
