import { useCallback, useEffect, useMemo } from 'react';
import type { IdlePolicy, IdleState, RealtimeSession, SessionState } from '../core/session/types.ts';
import { useIdleCountdown, type IdleCountdownTarget } from './useIdleCountdown.ts';
import { useRequiredSession } from './useRequiredSession.ts';
import { useSessionSelector } from './useSessionSelector.ts';

/** Options of {@link useIdleTimeout}. Policy fields override the session's idle policy. */
export interface UseIdleTimeoutOptions extends Partial<IdlePolicy> {
  /**
   * Also return a ticking `remainingMs` (see {@link useIdleCountdown}). Off by default, so a
   * component that only shows the phase does not re-render every second.
   * `true` = count down to the `auto` target once per second.
   */
  countdown?: boolean | { target?: IdleCountdownTarget; intervalMs?: number };
  /** Use this session instead of the provider's. */
  session?: RealtimeSession;
}

/** What {@link useIdleTimeout} returns. */
export interface IdleTimeoutHandle extends IdleState {
  /** Ms left until the countdown target, when `countdown` is on and a deadline is set; else null. */
  remainingMs: number | null;
  /** The user is back: reset the consecutive count and cancel a pending end of session. */
  stillHere(): void;
  /** End the session now (disconnect). */
  endSession(): void;
}

const selectIdle = (state: SessionState): IdleState => state.idle;

/**
 * The input-audio idle timeout, ready for UI: the phase, the consecutive timeout count, the last
 * `input_audio_timeout_triggered` event, the deadlines, an optional ticking `remainingMs`, and
 * the actions `stillHere()` and `endSession()`.
 *
 * It re-renders only when the idle state changes, never while the assistant streams text.
 *
 * Policy options (`timeoutMs`, `maxTimeouts`, `endGraceMs`, `clientFallback`) are applied with
 * `session.setIdlePolicy` when they differ from the session's policy, on mount and whenever they
 * change; a new `timeoutMs` reaches the server through `session.update`. The last component to
 * apply a value wins, and unmounting does not restore the previous policy. An invalid value
 * (for example `timeoutMs: 1000`) is not applied: the session reports it as an `error` event
 * (source `config`, code `invalid_idle_policy`), like any other configuration error.
 *
 * @example
 * ```tsx
 * function StillThere() {
 *   const idle = useIdleTimeout({ timeoutMs: 8000, maxTimeouts: 2, countdown: true });
 *   if (idle.phase === 'ending') {
 *     return (
 *       <div role="alertdialog">
 *         Ending in {Math.ceil((idle.remainingMs ?? 0) / 1000)} s
 *         <button onClick={idle.stillHere}>I'm still here</button>
 *         <button onClick={idle.endSession}>End now</button>
 *       </div>
 *     );
 *   }
 *   return idle.phase === 'timed_out' ? <p>Are you still there?</p> : null;
 * }
 * ```
 */
export function useIdleTimeout(options?: UseIdleTimeoutOptions): IdleTimeoutHandle {
  const session = useRequiredSession(options?.session, 'useIdleTimeout');
  const idle = useSessionSelector(session, selectIdle);

  const countdown = options?.countdown;
  const countdownOptions = typeof countdown === 'object' ? countdown : {};
  const remainingMs = useIdleCountdown({
    session,
    enabled: Boolean(countdown),
    target: countdownOptions.target,
    intervalMs: countdownOptions.intervalMs,
  });

  const { timeoutMs, maxTimeouts, endGraceMs, clientFallback } = options ?? {};
  useEffect(() => {
    const current = session.getIdlePolicy();
    const patch: Partial<IdlePolicy> = {};
    if (timeoutMs !== undefined && timeoutMs !== current.timeoutMs) patch.timeoutMs = timeoutMs;
    if (maxTimeouts !== undefined && maxTimeouts !== current.maxTimeouts) patch.maxTimeouts = maxTimeouts;
    if (endGraceMs !== undefined && endGraceMs !== current.endGraceMs) patch.endGraceMs = endGraceMs;
    if (clientFallback !== undefined && clientFallback !== current.clientFallback) patch.clientFallback = clientFallback;
    if (Object.keys(patch).length > 0) session.setIdlePolicy(patch);
  }, [session, timeoutMs, maxTimeouts, endGraceMs, clientFallback]);

  const stillHere = useCallback(() => session.stillHere(), [session]);
  const endSession = useCallback(() => session.disconnect(), [session]);

  return useMemo(
    () => ({ ...idle, remainingMs, stillHere, endSession }),
    [idle, remainingMs, stillHere, endSession],
  );
}
