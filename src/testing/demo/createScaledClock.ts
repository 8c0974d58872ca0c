import { MAX_TIMER_DELAY_MS } from '../../core/protocol/timerDuration.ts';
import type { Clock } from '../../core/session/clock.ts';

/**
 * A clock that runs `speed` times faster than `base`. Used by the demo mode: the session and
 * the scripted server share it, so at 4x the server, the client silence clock and the grace
 * countdown all move at 4x together, and "8 s of silence" still reads as 8 s in the UI.
 */
export function createScaledClock(base: Clock, speed: number): Clock {
  if (speed === 1) return base;
  const origin = base.now();
  return {
    now: () => origin + (base.now() - origin) * speed,
    // Slowed down, a long delay could outgrow what a timer holds (and fire after 1 ms): cap it;
    // the session and play() re-arm a timer that fires before its deadline.
    setTimeout: (callback, ms) => base.setTimeout(callback, Math.min(MAX_TIMER_DELAY_MS, Math.max(0, ms) / speed)),
    clearTimeout: (handle) => base.clearTimeout(handle),
  };
}
