import type { RealtimeSession } from '../../core/session/types.ts';

/**
 * Typing is the user being back, as "I'm still here" is: when it matters, call the session's
 * `stillHere()` (reset the count of timeouts, cancel a pending end, restart the silence clock,
 * and the server's too). When it matters is what keeps a keystroke cheap: only while the idle
 * banner is up (`timed_out`, `ending`), or while the silence clock runs and is past half its
 * timeout, so a long message never times out mid-sentence. Any other keystroke changes no
 * state at all, so the banner, the transcript and every idle subscriber stay unrendered: the
 * idle state changes at most twice per timeout while someone types, never per keystroke.
 *
 * @example
 * ```ts
 * onChange={(event) => { setText(event.currentTarget.value); noteTypingActivity(session, session.stillHere); }}
 * ```
 */
export function noteTypingActivity(session: RealtimeSession, stillHere: () => void): void {
  const state = session.getState();
  if (state.status !== 'connected') return;
  const { phase, deadline, timeoutMs } = state.idle;
  if (phase === 'timed_out' || phase === 'ending') {
    stillHere();
    return;
  }
  if (phase === 'counting' && deadline !== null && timeoutMs !== null && deadline - session.clock.now() <= timeoutMs / 2) {
    stillHere();
  }
}
