import { useCallback, useSyncExternalStore } from 'react';
import { RealtimeConfigError } from '../core/protocol/errors.ts';
import { timerDurationIssue } from '../core/protocol/timerDuration.ts';
import type { IdleState, RealtimeSession, SessionState } from '../core/session/types.ts';
import { useRequiredSession } from './useRequiredSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';

/**
 * Which idle deadline to count down to.
 * - `auto`: `endsAt` while the session is about to end (phase `ending`), else `deadline`.
 * - `deadline`: when the silence clock fires the next timeout.
 * - `endsAt`: when the policy ends the session.
 */
export type IdleCountdownTarget = 'auto' | 'deadline' | 'endsAt';

/** Options of {@link useIdleCountdown}. */
export interface UseIdleCountdownOptions {
  /** Default `auto`. */
  target?: IdleCountdownTarget;
  /** Tick length in ms (1 to 2^31-1; anything else throws `RealtimeConfigError`); `remainingMs` is rounded up to a multiple of it. Default 1000. */
  intervalMs?: number;
  /** Set false to stop ticking (returns null). Default true. */
  enabled?: boolean;
  /** Use this session instead of the provider's. */
  session?: RealtimeSession;
}

function pickTarget(idle: IdleState, target: IdleCountdownTarget): number | null {
  if (target === 'deadline') return idle.deadline;
  if (target === 'endsAt') return idle.endsAt;
  return idle.endsAt ?? idle.deadline;
}

const noSubscription = () => () => {};

/**
 * Milliseconds left until the idle deadline, or `null` when nothing is counting. Ticks on the
 * session's clock (so a virtual clock drives it in tests), once per `intervalMs`, and only in the
 * components that call it: the rest of the tree does not re-render while a countdown runs.
 *
 * The value is rounded up to a multiple of `intervalMs` (8000, 7000, … 1000, 0 with the default),
 * so a "seconds left" label changes exactly when it re-renders.
 *
 * @example
 * ```tsx
 * function EndingNotice() {
 *   const remainingMs = useIdleCountdown({ target: 'endsAt' });
 *   if (remainingMs === null) return null;
 *   return <p role="status">Ending in {remainingMs / 1000} s</p>;
 * }
 * ```
 */
export function useIdleCountdown(options?: UseIdleCountdownOptions): number | null {
  const session = useRequiredSession(options?.session, 'useIdleCountdown');
  const target = options?.target ?? 'auto';
  // A NaN or an overflowing interval would schedule ticks back to back: refuse it by name.
  const intervalIssue = timerDurationIssue('intervalMs', options?.intervalMs, { min: 1, defaultMs: 1000 });
  if (intervalIssue) throw new RealtimeConfigError([intervalIssue]);
  const intervalMs = options?.intervalMs ?? 1000;
  const enabled = options?.enabled ?? true;
  const selectTarget = useCallback((state: SessionState) => pickTarget(state.idle, target), [target]);
  const until = useSessionSelector(session, selectTarget);
  const active = enabled && until !== null;

  const subscribe = useCallback(
    (onTick: () => void) => {
      if (!active || until === null) return noSubscription();
      const clock = session.clock;
      let handle: unknown;
      let stopped = false;
      // Schedule the next tick at the next multiple of intervalMs before the deadline, so the
      // rounded value changes at every tick and never in between.
      const schedule = () => {
        const remaining = until - clock.now();
        if (stopped || remaining <= 0) return;
        handle = clock.setTimeout(() => {
          onTick();
          schedule();
        }, remaining % intervalMs || intervalMs);
      };
      schedule();
      return () => {
        stopped = true;
        clock.clearTimeout(handle);
      };
    },
    [session, active, until, intervalMs],
  );

  const getSnapshot = (): number | null => {
    if (!active || until === null) return null;
    const remaining = Math.max(0, until - session.clock.now());
    return Math.ceil(remaining / intervalMs) * intervalMs;
  };

  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
