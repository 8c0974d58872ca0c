import type { SessionState, TranscriptRole } from '../../src/index.ts';

// Session states a play function runs a scenario until (see `directScenario`). Predicates on
// the session's state, not on the DOM: the state is exact at every instant of the script.

/**
 * The transcript holds a row of `role` whose text contains `text`, with this status.
 *
 * @example
 * ```ts
 * await scenario.runUntil(hasRow('assistant', 'Lisbon is lovely'), 'the first answer');
 * ```
 */
export function hasRow(role: TranscriptRole, text: string, status = 'completed'): (state: SessionState) => boolean {
  return (state) =>
    state.transcript.items.some((item) => item.role === role && item.status === status && item.text.includes(text));
}

/**
 * The transcript shows an idle marker (the silent user item a server timeout commits).
 *
 * @example
 * ```ts
 * await scenario.runUntil(hasIdleMarker, 'the idle marker');
 * ```
 */
export function hasIdleMarker(state: SessionState): boolean {
  return state.transcript.items.some((item) => item.kind === 'idle_timeout');
}

/**
 * The idle banner is open in `phase` (`timed_out`: the user went quiet; `ending`: the countdown).
 *
 * @example
 * ```ts
 * await scenario.runUntil(bannerOpen('ending'), 'the countdown');
 * ```
 */
export function bannerOpen(phase: 'timed_out' | 'ending'): (state: SessionState) => boolean {
  return (state) => state.idle.phase === phase;
}

/**
 * Nobody speaks and no response runs: the script has said what it had to say for now.
 *
 * @example
 * ```ts
 * await scenario.runUntil((s) => bannerOpen('timed_out')(s) && quiet(s), 'the re-prompt');
 * ```
 */
export function quiet(state: SessionState): boolean {
  return !state.responding && !state.assistantSpeaking && !state.userSpeaking;
}

/**
 * The connection has this status.
 *
 * @example
 * ```ts
 * await scenario.runUntil(statusIs('connected'), 'the connection');
 * ```
 */
export function statusIs(status: SessionState['status']): (state: SessionState) => boolean {
  return (state) => state.status === status;
}
