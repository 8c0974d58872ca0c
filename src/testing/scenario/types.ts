import type { ServerEvent } from '../../core/protocol/index.ts';
import type { PlaybackEvent } from '../../core/transport/RealtimeTransport.ts';

/**
 * A server message the transport delivers at `atMs`.
 *
 * @example
 * ```ts
 * const step: ServerEventStep = { atMs: 0, event: { type: 'input_audio_buffer.cleared', event_id: 'event_1' } };
 * ```
 */
export interface ServerEventStep {
  atMs: number;
  event: ServerEvent;
}

/**
 * The connection goes away at `atMs` (played as `transport.drop(new Error(error))`). Not a wire event.
 *
 * @example
 * ```ts
 * const step: DropStep = { atMs: 5000, transport: 'drop', error: 'socket closed' };
 * ```
 */
export interface DropStep {
  atMs: number;
  transport: 'drop';
  /** Why it went away, as the error message the session sees. */
  error: string;
}

/**
 * The client's own audio player reports playback at `atMs` (played as `transport.emitPlayback`).
 * Only WebSocket-flavoured timelines have these: over WebRTC the server says it.
 *
 * @example
 * ```ts
 * const step: PlaybackStep = { atMs: 2400, playback: { type: 'stopped', playedMs: 2000 } };
 * ```
 */
export interface PlaybackStep {
  atMs: number;
  playback: PlaybackEvent;
}

/**
 * One step of a timeline: `atMs` is milliseconds since the timeline started.
 *
 * @example
 * ```ts
 * for (const step of timeline) if ('event' in step) console.log(step.atMs, step.event.type);
 * ```
 */
export type ScenarioStep = ServerEventStep | DropStep | PlaybackStep;

/**
 * Steps in time order (ties keep their order). What `scenario().build()` makes and `play()` plays.
 *
 * @example
 * ```ts
 * const timeline: Timeline = scenario().userSays('Hi').build();
 * ```
 */
export type Timeline = readonly ScenarioStep[];

/**
 * Which transport the timeline imitates.
 * - `mixed` (default): audio deltas *and* `output_audio_buffer.started/stopped`, so a session on
 *   the mock transport (playback reported by the server) knows when playback ended, and
 *   audio payloads of real size still flow.
 * - `webrtc`: like a WebRTC data channel: no audio deltas (audio travels on the media track),
 *   `output_audio_buffer.*` events.
 * - `websocket`: audio deltas, no `output_audio_buffer.*`; playback steps stand in for the
 *   client's player (pair with `createMockTransport({ playbackReporting: 'transport' })`).
 *
 * @example
 * ```ts
 * const timeline = scenario({ flavor: 'websocket' }).assistantSays('Hi').build();
 * play(timeline, { transport: createMockTransport({ playbackReporting: 'transport' }) });
 * ```
 */
export type ScenarioFlavor = 'mixed' | 'webrtc' | 'websocket';

/**
 * Is this step a server message?
 *
 * @example
 * ```ts
 * const types = timeline.filter(isServerEventStep).map((step) => step.event.type);
 * ```
 */
export function isServerEventStep(step: ScenarioStep): step is ServerEventStep {
  return 'event' in step;
}
