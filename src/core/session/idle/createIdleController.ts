import { MAX_TIMER_DELAY_MS } from '../../protocol/timerDuration.ts';
import type { Clock, TimerHandle } from '../clock.ts';
import {
  createIdleMachine,
  idleClientDueAt,
  idleTimeout,
  type IdleMachineConfig,
  type IdleMachineState,
  type IdleTimeoutReport,
} from './idleMachine.ts';
import type { InputAudioTimeoutTriggeredEvent } from './idleTypes.ts';

/** The idle machine plus the two timers it needs: the client silence clock and the end of grace. */
export interface IdleController {
  readonly state: IdleMachineState;
  /** Apply a pure transition (from `idleMachine.ts`) at the clock's time, then re-arm timers. */
  apply(transition: (state: IdleMachineState, now: number) => IdleMachineState): void;
  /** Report a timeout; returns the event to emit, or null when ignored. */
  timeout(report: IdleTimeoutReport): InputAudioTimeoutTriggeredEvent | null;
  /** Cancel both timers. */
  dispose(): void;
}

export interface IdleControllerOptions {
  clock: Clock;
  config: IdleMachineConfig;
  /** The client clock is due: the session runs `timeout({ source: 'client' })` in a transaction. */
  onClientDue(): void;
  /** The grace countdown is over: the session applies `idleGraceElapsed` and disconnects. */
  onGraceEnd(): void;
}

/**
 * Wire the pure idle machine to a clock. Timers follow the state: after every transition the
 * controller compares when the state wants each timer with when it is armed, and re-arms only
 * if that moved, so the hot path (a transition that changes nothing) touches no timer.
 *
 * @example
 * ```ts
 * const idle = createIdleController({ clock, config, onClientDue: () => run(() => idle.timeout({ source: 'client' })), onGraceEnd });
 * idle.apply((s, now) => idleConnected(s, true, now));
 * ```
 */
export function createIdleController(options: IdleControllerOptions): IdleController {
  const { clock } = options;
  let state = createIdleMachine(options.config);
  let clientAt: number | null = null;
  let clientTimer: TimerHandle = null;
  let endAt: number | null = null;
  let endTimer: TimerHandle = null;

  // A timer can fire before its deadline as the clock reads it: the wall clock stepped back,
  // or a delay was capped at what a timer holds. Then it is armed again for the rest, so a
  // deadline is never acted on early and never forgotten (a countdown stuck in `ending`).
  // Defined once, not per re-arm: the silence clock re-arms on every turn.
  function clientDue(): void {
    const due = clientAt;
    clientAt = null;
    if (due !== null && clock.now() < due) reconcile();
    else options.onClientDue();
  }

  function graceEnd(): void {
    const due = endAt;
    endAt = null;
    if (due !== null && clock.now() < due) reconcile();
    else options.onGraceEnd();
  }

  function reconcile(): void {
    const wantClient = idleClientDueAt(state);
    if (wantClient !== clientAt) {
      if (clientAt !== null) clock.clearTimeout(clientTimer);
      clientAt = wantClient;
      if (wantClient !== null) {
        clientTimer = clock.setTimeout(clientDue, delayUntil(wantClient));
      }
    }
    // No end of session for a connection that is gone: a reconnect must never meet an old countdown.
    const wantEnd = state.connected ? state.endsAt : null;
    if (wantEnd !== endAt) {
      if (endAt !== null) clock.clearTimeout(endTimer);
      endAt = wantEnd;
      if (wantEnd !== null) {
        endTimer = clock.setTimeout(graceEnd, delayUntil(wantEnd));
      }
    }
  }

  function delayUntil(time: number): number {
    return Math.min(Math.max(0, time - clock.now()), MAX_TIMER_DELAY_MS);
  }

  return {
    get state() {
      return state;
    },
    apply(transition) {
      const next = transition(state, clock.now());
      if (next === state) return;
      state = next;
      reconcile();
    },
    timeout(report) {
      const result = idleTimeout(state, report, clock.now());
      state = result.state;
      reconcile();
      return result.event;
    },
    dispose() {
      if (clientAt !== null) clock.clearTimeout(clientTimer);
      if (endAt !== null) clock.clearTimeout(endTimer);
      clientAt = endAt = null;
    },
  };
}
