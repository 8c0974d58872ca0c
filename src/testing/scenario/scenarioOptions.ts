import type { ScenarioFlavor, Timeline } from './types.ts';

/**
 * Options of `scenario()`: how the imitated server and connection behave.
 *
 * @example
 * ```ts
 * scenario({ seed: 7, flavor: 'webrtc', audio: 'placeholder', generationSpeed: 4 });
 * ```
 */
export interface ScenarioOptions {
  /**
   * Seed of the id generator: the same seed gives the same ids (reproducible fixtures).
   * Default: none, and then every builder of the process makes ids no other builder makes, so
   * two scenarios played into one session never reuse an item id.
   */
  seed?: number;
  /**
   * Continue the conversation of an earlier timeline: the first item chains after its last item
   * (`previous_item_id`), its session (id, idle timeout) still applies, and wire audio positions
   * (`audio_start_ms`...) go on from where it ended. The new timeline still starts at 0 ms:
   * play it once the previous one has played (see `PlayController.endsAt`). A timeline that
   * waits for the client (`toolCall`, `mcpApprovalRequest`) writes its follow-up only when it
   * resumes, so it cannot be continued (RangeError): write what comes next in the same scenario.
   *
   * @example
   * ```ts
   * const first = scenario().userSays('Hi').assistantSays('Hello').build();
   * const second = scenario({ after: first }).userSays('What time is it?').assistantSays('Noon.').build();
   * ```
   */
  after?: Timeline;
  /** Which transport the timeline imitates. Default `'mixed'`: see {@link ScenarioFlavor}. */
  flavor?: ScenarioFlavor;
  /**
   * `'pcm'` (default): audio deltas carry real PCM16 24 kHz audio of their real size.
   * `'placeholder'`: a few bytes each, to keep committed fixtures small.
   */
  audio?: 'pcm' | 'placeholder';
  /** Milliseconds of audio per `response.output_audio.delta`. Default 40 (1920 bytes). */
  audioChunkMs?: number;
  /** How much faster than real time the server generates audio. Default 2. */
  generationSpeed?: number;
  /** Silence (ms) `idleTimeout()` waits for when the session set none. Default 8000. */
  idleTimeoutMs?: number;
  /** Server VAD `silence_duration_ms`: how long after speech ends `speech_stopped` comes. Default 500. */
  silenceDurationMs?: number;
}

/**
 * Options of `sessionCreated()` and `sessionUpdated()`.
 *
 * @example
 * ```ts
 * scenario().sessionCreated({ idleTimeoutMs: 8000, voice: 'cedar', session: { max_output_tokens: 512 } });
 * ```
 */
export interface SessionOptions {
  /** `idle_timeout_ms` of server VAD. Default null (off). */
  idleTimeoutMs?: number | null;
  /** Default `'server_vad'`. */
  turnDetection?: 'server_vad' | 'semantic_vad' | null;
  /** Input transcription on (default) or off. */
  transcription?: boolean;
  instructions?: string;
  voice?: string;
  model?: string;
  /** More session fields (snake_case, wire shape), merged over the defaults. */
  session?: Record<string, unknown>;
}

/**
 * Options of `userSays()`.
 *
 * @example
 * ```ts
 * scenario().userSays('mumble', { durationMs: 1500, transcription: 'failed' });
 * ```
 */
export interface UserSaysOptions {
  /** How long the user speaks. Default: about 70 ms per character. */
  durationMs?: number;
  /** Transcription deltas: a count or explicit pieces. Default one per word. */
  deltas?: number | readonly string[];
  /** From commit to the first transcription delta. Default 350, so it lands after a response starts. */
  transcriptDelayMs?: number;
  /** `'completed'` (default), `'failed'` (a transcription error) or `'none'` (transcription off). */
  transcription?: 'completed' | 'failed' | 'none';
}

/**
 * Options of `assistantSays()` (and of the re-prompt of `idleTimeout()`).
 *
 * @example
 * ```ts
 * scenario().assistantSays('Sure, here it is.', { audioMs: 2500, deltas: ['Sure,', ' here it is.'] });
 * ```
 */
export interface AssistantSaysOptions {
  /** Transcript deltas: a count or explicit pieces. Default one per word. */
  deltas?: number | readonly string[];
  /** Length of the spoken answer. Default: about 65 ms per character. */
  audioMs?: number;
  /** `'audio'` (default) or `'text'` (`response.output_text.*`, no audio). */
  modality?: 'audio' | 'text';
  /** From the previous step to `response.created`. Default 30. */
  latencyMs?: number;
  /** From `response.created` to the first delta. Default 250. */
  firstDeltaMs?: number;
}

/**
 * Options of `idleTimeout()`.
 *
 * @example
 * ```ts
 * scenario().assistantSays('Hi!').idleTimeout({ idleMs: 6000, reprompt: 'Hello? Still there?' });
 * ```
 */
export interface IdleTimeoutOptions {
  /** Silence before it fires, counted from the end of the last playback. Default: the session's `idle_timeout_ms`, else the scenario's `idleTimeoutMs`. */
  idleMs?: number;
  /** The response the server creates by itself. Default `'Are you still there?'`; `false` for none. */
  reprompt?: string | false;
  response?: AssistantSaysOptions;
}

/**
 * Options of `interruption()`.
 *
 * @example
 * ```ts
 * scenario().assistantSays('A long story...', { audioMs: 6000 }).interruption({ afterMs: 1200, userSays: 'Stop.' });
 * ```
 */
export interface InterruptionOptions {
  /** Milliseconds of assistant audio heard before the user cuts in. Default: a third of it, at most 1000. */
  afterMs?: number;
  /** What the user says. Default `'Wait, sorry.'` */
  userSays?: string;
  user?: UserSaysOptions;
}

/**
 * Options of `toolCall()`.
 *
 * @example
 * ```ts
 * scenario().toolCall('get_weather', { city: 'Paris' }, { callId: 'call_weather_1', deltas: 2 });
 * ```
 */
export interface ToolCallOptions {
  /** Default: a generated `call_...` id. */
  callId?: string;
  /** Argument deltas: a count or explicit pieces. Default 4. */
  deltas?: number | readonly string[];
  /**
   * Pause after the calling response's `response.done` until the app has sent the call's
   * `function_call_output` and then a `response.create`, as a real server would; then play the
   * rest. Default false (the timeline goes on by itself), true when `followUp` is given.
   */
  waitForOutput?: boolean;
  /**
   * What the assistant says once the app answered: the follow-up response, built from the
   * output the app sent (`output`) and every output so far (`outputs`). Implies `waitForOutput`.
   */
  followUp?: string | ((output: string, outputs: ToolOutputs) => string);
  /** How the follow-up is spoken. */
  followUpOptions?: AssistantSaysOptions;
}

/**
 * The tool outputs the app sent so far in a scenario, by tool name (the latest call of that
 * name) and by call id: what follow-ups and `assistantSays((outputs) => ...)` read.
 *
 * @example
 * ```ts
 * scenario()
 *   .toolCall('get_weather', { city: 'Paris' }, { waitForOutput: true })
 *   .assistantSays((outputs: ToolOutputs) => `It is ${JSON.parse(outputs.get_weather ?? '{}').tempC} degrees.`);
 * ```
 */
export type ToolOutputs = Readonly<Record<string, string | undefined>>;

/**
 * One call of `toolCalls()`.
 *
 * @example
 * ```ts
 * const call: ToolCallSpec = { name: 'get_weather', args: { city: 'Paris' }, callId: 'call_paris' };
 * ```
 */
export interface ToolCallSpec {
  name: string;
  /** JSON text, or an object sent as its JSON. */
  args: string | Record<string, unknown>;
  /** Default: a generated `call_...` id. */
  callId?: string;
  /** Argument deltas: a count or explicit pieces. Default 4. */
  deltas?: number | readonly string[];
}

/**
 * Options of `toolCalls()`: several calls in one response.
 *
 * @example
 * ```ts
 * scenario().toolCalls([{ name: 'a', args: {} }, { name: 'b', args: {} }], { followUp: (outputs) => `${outputs.a} and ${outputs.b}` });
 * ```
 */
export interface ToolCallsOptions {
  /** Pause until every call has its output and a `response.create` came after them. Default false, true with `followUp`. */
  waitForOutput?: boolean;
  /** The follow-up response, from the outputs. Implies `waitForOutput`. */
  followUp?: string | ((outputs: ToolOutputs) => string);
  followUpOptions?: AssistantSaysOptions;
}

/**
 * Options of `mcpApprovalRequest()`: the request, what the MCP server answers, and the
 * assistant's follow-ups on approval and on denial.
 *
 * @example
 * ```ts
 * scenario().mcpApprovalRequest({
 *   serverLabel: 'calendar', name: 'create_event', arguments: { title: 'Dentist', day: 'Friday' },
 *   output: '{"id":"evt_42"}',
 *   onApproved: (output) => `Booked: ${JSON.parse(output).id}.`,
 *   onDenied: 'Okay, I will not book it.',
 * });
 * ```
 */
export interface McpApprovalRequestOptions {
  /** The MCP server's label (`server_label`). */
  serverLabel: string;
  /** The MCP tool the model wants to call. */
  name: string;
  /** Its arguments: JSON text, or an object sent as its JSON. Default `{}`. */
  arguments?: string | Record<string, unknown>;
  /** What the MCP server returns when approved (`mcp_call.output`). Default `'{"ok":true}'`. */
  output?: string;
  /** Make the approved call fail instead (`response.mcp_call.failed`, `mcp_call.error`). */
  error?: { type?: string; code?: number | string | null; message: string };
  /** What the assistant says after an approved call (from its output, or its error message). Default `'Done.'` */
  onApproved?: string | ((output: string) => string);
  /** What the assistant says when the user denied it (from the reason, if any). Default `'Okay, I will not do that.'` */
  onDenied?: string | ((reason: string | undefined) => string);
  /** How the follow-ups are spoken. */
  followUpOptions?: AssistantSaysOptions;
}

/**
 * Options of `error()`: the `error` object of the wire event.
 *
 * @example
 * ```ts
 * scenario().error({ type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'Slow down.' });
 * ```
 */
export interface ErrorOptions {
  message?: string;
  type?: string;
  code?: string | null;
  param?: string | null;
  /** The client event that caused it, if any. */
  eventId?: string | null;
}
