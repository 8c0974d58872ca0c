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
 * What a paused timeline waits for, as a real server would:
 * - `tool_outputs`: a `function_call_output` (`conversation.item.create`) for every call, then a
 *   `response.create` sent after the last of them. An output alone does not resume it.
 * - `approval`: a `conversation.item.create` with the `mcp_approval_response` for the request
 *   (the server goes on by itself: no `response.create`, as the OpenAI Agents SDK relies on).
 *
 * @example
 * ```ts
 * const wait: ScenarioWait = { kind: 'tool_outputs', calls: [{ callId: 'call_1', name: 'get_weather' }] };
 * ```
 */
export type ScenarioWait =
  | { kind: 'tool_outputs'; calls: readonly { callId: string; name: string }[] }
  | { kind: 'approval'; approvalRequestId: string; serverLabel: string; name: string };

/**
 * What the client answered to a wait: what `WaitStep.resume` gets.
 *
 * @example
 * ```ts
 * const answers: ScenarioAnswers = {
 *   outputs: new Map([['call_1', '{"tempC":18}']]),
 *   approvals: new Map(),
 * };
 * ```
 */
export interface ScenarioAnswers {
  /** `function_call_output` texts, by `call_id`. */
  outputs: ReadonlyMap<string, string>;
  /** `mcp_approval_response` decisions, by `approval_request_id`. */
  approvals: ReadonlyMap<string, { approve: boolean; reason?: string | undefined }>;
}

/**
 * The timeline pauses here until the client has answered (see {@link ScenarioWait}); `play()`
 * then plays what `resume(answers)` returns, timed from the moment it resumed (0 = then).
 * It is the last step a builder writes: what follows depends on the answers, so call `resume`
 * yourself to inspect it. Steps written before it but due later (a user transcription still
 * arriving) come after it in the timeline and play on while it waits. `resume` is pure: with a
 * `seed`, the same answers give the same steps.
 *
 * @example
 * ```ts
 * const timeline = scenario({ seed: 1 }).toolCall('get_weather', { city: 'Paris' }, { followUp: (out) => `It is ${JSON.parse(out).tempC} degrees.` }).build();
 * const wait = timeline.at(-1);
 * if (wait && isWaitStep(wait)) {
 *   const callId = wait.wait.kind === 'tool_outputs' ? wait.wait.calls[0]!.callId : '';
 *   const rest = wait.resume({ outputs: new Map([[callId, '{"tempC":18}']]), approvals: new Map() });
 * }
 * ```
 */
export interface WaitStep {
  atMs: number;
  wait: ScenarioWait;
  resume: (answers: ScenarioAnswers) => ScenarioStep[];
}

/**
 * One step of a timeline: `atMs` is milliseconds since the timeline started.
 *
 * @example
 * ```ts
 * for (const step of timeline) if ('event' in step) console.log(step.atMs, step.event.type);
 * ```
 */
export type ScenarioStep = ServerEventStep | DropStep | PlaybackStep | WaitStep;

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

/**
 * Is this step a pause that waits for the client (see {@link WaitStep})?
 *
 * @example
 * ```ts
 * const paused = timeline.some(isWaitStep);
 * ```
 */
export function isWaitStep(step: ScenarioStep): step is WaitStep {
  return 'wait' in step;
}
