import type { ServerEvent } from '../../core/protocol/index.ts';
import type { PlaybackEvent } from '../../core/transports/types.ts';

/** A server message the transport delivers at `atMs`. */
export interface ServerEventStep {
  atMs: number;
  event: ServerEvent;
}

/** The connection goes away at `atMs` (played as `transport.drop(new Error(error))`). Not a wire event. */
export interface DropStep {
  atMs: number;
  transport: 'drop';
  /** Why it went away, as the error message the session sees. */
  error: string;
}

/**
 * The client's own audio player reports playback at `atMs` (played as `transport.emitPlayback`).
 * Only WebSocket-flavoured timelines have these: over WebRTC the server says it.
 */
export interface PlaybackStep {
  atMs: number;
  playback: PlaybackEvent;
}

/** One step of a timeline: `atMs` is milliseconds since the timeline started. */
export type ScenarioStep = ServerEventStep | DropStep | PlaybackStep;

/** Steps in time order (ties keep their order). What `scenario().build()` makes and `play()` plays. */
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
 */
export type ScenarioFlavor = 'mixed' | 'webrtc' | 'websocket';

/** Is this step a server message? */
export function isServerEventStep(step: ScenarioStep): step is ServerEventStep {
  return 'event' in step;
}
