import { scenario } from '../scenario/scenario.ts';
import type { Timeline } from '../scenario/types.ts';

/**
 * Options of {@link demoTimeline}.
 *
 * @example
 * ```ts
 * const options: DemoTimelineOptions = { idleTimeoutMs: 6000 };
 * ```
 */
export interface DemoTimelineOptions {
  /** The server's `idle_timeout_ms` in the scripted session. Default 8000. */
  idleTimeoutMs?: number;
}

/**
 * The demo mode's default scenario: a short travel-planning conversation, then the user goes
 * quiet and the server's input-audio idle timeout fires (`input_audio_buffer.timeout_triggered`)
 * with the assistant's re-prompt "Are you still there?". The transcript shows the idle marker and
 * the `IdleBanner` opens; it stays open until the user acts or the idle policy ends the session.
 *
 * Each call builds a new timeline with ids no other timeline of the page uses, so a replay adds
 * new rows instead of rewriting old ones. WebRTC-flavoured (no audio payloads), so it is light.
 *
 * @example
 * ```ts
 * const demo = createDemoSession({ timeline: () => demoTimeline({ idleTimeoutMs: 6000 }), idle: { timeoutMs: 6000 } });
 * ```
 */
export function demoTimeline(options: DemoTimelineOptions = {}): Timeline {
  const idleTimeoutMs = options.idleTimeoutMs ?? 8000;
  return scenario({ flavor: 'webrtc', audio: 'placeholder' })
    .sessionCreated({ idleTimeoutMs })
    .userSays('Hi! Can you help me plan a weekend in Lisbon?')
    .assistantSays('Of course! Do you prefer museums, food, or walking around the old neighbourhoods?')
    .userSays('Mostly food, and a bit of walking.')
    .assistantSays('Then start in Alfama in the morning, and have grilled sardines for lunch by the river.')
    .idleTimeout({ reprompt: 'Are you still there?' })
    .build();
}

/**
 * The demo mode's default answer once the user comes back after the idle banner: the assistant
 * welcomes them back and the conversation goes on. Continues `played` (ids, session, audio
 * positions) with `scenario({ after })`.
 *
 * @example
 * ```ts
 * const demo = createDemoSession({ afterUserReturns: demoWelcomeBack });
 * ```
 */
export function demoWelcomeBack(played: Timeline): Timeline {
  return scenario({ after: played, flavor: 'webrtc', audio: 'placeholder' })
    .assistantSays('Welcome back! Shall I suggest a dinner place for Saturday too?')
    .build();
}
