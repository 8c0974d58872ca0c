import type { Clock, TimerHandle } from '../core/session/clock.ts';

/** A {@link Clock} whose time only moves when a test says so. */
export interface VirtualClock extends Clock {
  /**
   * Move time forward by `ms`, running every timer that falls due on the way, in due order
   * (ties in scheduling order). Timers scheduled by those callbacks run too if they fall due
   * before the end. `now()` inside a callback reads the timer's own due time.
   */
  advance(ms: number): void;
  /** Move time forward to an absolute clock time (no-op if it is in the past). */
  advanceTo(time: number): void;
  /** Number of timers scheduled and not yet run or cleared. */
  pending(): number;
}

interface VirtualTimer {
  due: number;
  seq: number;
  callback: () => void;
}

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
 */
export function createVirtualClock(start = 0): VirtualClock {
  let now = start;
  let seq = 0;
  // Few timers are ever pending at once (a session keeps two or three), so a linear scan
  // for the earliest one is simpler and as fast as a heap.
  const timers = new Set<VirtualTimer>();

  const nextDue = (limit: number): VirtualTimer | undefined => {
    let best: VirtualTimer | undefined;
    for (const timer of timers) {
      if (timer.due > limit) continue;
      if (!best || timer.due < best.due || (timer.due === best.due && timer.seq < best.seq)) best = timer;
    }
    return best;
  };

  const advanceTo = (target: number): void => {
    if (!(target > now)) {
      target = now;
    }
    for (let timer = nextDue(target); timer; timer = nextDue(target)) {
      timers.delete(timer);
      now = Math.max(now, timer.due);
      timer.callback();
    }
    now = target;
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
    advanceTo,
    pending: () => timers.size,
  };
}
