import type { ClientEvent, ConversationItem, ServerEvent, SessionConfig } from '../protocol/index.ts';
import type { RealtimeTransport } from '../transports/types.ts';
import type { Clock } from './clock.ts';

/**
 * Connection status of a session. `idle` = never connected yet; `error` = the connection failed
 * or was lost (the reason is in `state.error`).
 *
 * @example
 * ```ts
 * const label: Record<ConnectionStatus, string> = {
 *   idle: 'Start', connecting: 'Connecting…', connected: 'Live', disconnected: 'Ended', error: 'Connection lost',
 * };
 * ```
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'error';

/**
 * Where an error came from, so a UI can decide what to show: `server` (the API's `error`
 * event), `transport` (connect, send, lost connection), `protocol` (bad wire data), `handler`
 * (your event handler or state listener threw), `config` (an invalid config or client event).
 *
 * @example
 * ```ts
 * session.on('error', ({ error }) => {
 *   if (error.source === 'transport') showToast(error.message);
 * });
 * ```
 */
export type RealtimeErrorSource = 'server' | 'transport' | 'protocol' | 'handler' | 'config';

/**
 * One error, normalized. Never thrown into the caller's stack from the event path.
 *
 * @example
 * ```ts
 * const error: RealtimeError = { source: 'protocol', code: 'malformed_json', message: 'malformed JSON: Unexpected end' };
 * ```
 */
export interface RealtimeError {
  source: RealtimeErrorSource;
  /** Machine-readable: the server's `error.code`/`error.type`, or one of the kit's own codes. */
  code: string;
  message: string;
  /** The raw wire data or thrown value behind this error, kept for debugging. */
  cause?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Transcript

/**
 * Who a transcript row belongs to. Tool results (`function_call_output`) are `tool`.
 *
 * @example
 * ```ts
 * const align = (role: TranscriptRole) => (role === 'user' ? 'end' : 'start');
 * ```
 */
export type TranscriptRole = 'user' | 'assistant' | 'system' | 'tool';
/**
 * What a row shows. `idle_timeout`: the silent user item the server commits when the idle
 * timeout fires, shown as a marker rather than an empty user bubble. `tool_call`: a function
 * call or its output.
 *
 * @example
 * ```ts
 * if (item.kind === 'idle_timeout') return <IdleMarker ms={item.idle?.idleMs} />;
 * ```
 */
export type TranscriptItemKind = 'message' | 'idle_timeout' | 'tool_call';
/**
 * `in_progress`: still streaming (or, for a remote MCP call, running). `interrupted`: the user
 * cut the assistant off (or the response was cancelled, or the item truncated). `incomplete`:
 * the item was cut short without anyone interrupting: the response hit `max_output_tokens` or a
 * content filter, or the connection ended (closed, lost, or `disconnect()`) while it was still
 * streaming (or, for a user's message with input transcription on, before its transcript came),
 * so no row stays `in_progress`, or waiting for a transcript, once its connection is gone.
 * `failed`: the user's transcription failed, or a remote MCP tool call failed (see `item.error`).
 *
 * @example
 * ```ts
 * const dimmed = item.status === 'interrupted';
 * ```
 */
export type TranscriptItemStatus = 'in_progress' | 'completed' | 'incomplete' | 'interrupted' | 'failed';

/**
 * Facts about the silence behind an `idle_timeout` transcript item (the server's audio times).
 *
 * @example
 * ```ts
 * const info: TranscriptIdleInfo = { audioStartMs: 13216, audioEndMs: 19232, idleMs: 6016, source: 'server' };
 * ```
 */
export interface TranscriptIdleInfo {
  audioStartMs: number;
  audioEndMs: number;
  idleMs: number;
  source: IdleTimeoutSource;
}

/**
 * A tool call on a `tool_call` row. `arguments` grows while streamed; `output` is set on the
 * row of the call's result.
 *
 * @example
 * ```ts
 * const tool: TranscriptToolInfo = { name: 'get_weather', callId: 'call_1', arguments: '{"city":"Paris"}' };
 * ```
 */
export interface TranscriptToolInfo {
  name: string;
  callId: string;
  arguments: string;
  output?: string;
  /** The MCP server that ran the tool, for a remote MCP call (`mcp_call` item). */
  serverLabel?: string;
}

/**
 * One row of the conversation. Immutable: an update replaces the item object (and only it),
 * so a row that did not change keeps its identity and need not render again.
 *
 * @example
 * ```ts
 * const Row = memo(({ item }: { item: TranscriptItem }) => <p data-role={item.role}>{item.text}</p>);
 * ```
 */
export interface TranscriptItem {
  readonly id: string;
  readonly role: TranscriptRole;
  readonly kind: TranscriptItemKind;
  /** Text so far: the transcript of audio, or text content. Empty while nothing arrived. */
  readonly text: string;
  readonly status: TranscriptItemStatus;
  /**
   * The item this one follows, as the server said (`previous_item_id`); null = first of its
   * connection's conversation (placed after the rows of earlier connections), or unknown.
   */
  readonly previousItemId: string | null;
  /** Set when `kind` is `idle_timeout`. */
  readonly idle?: TranscriptIdleInfo;
  /** Set when `kind` is `tool_call`. */
  readonly tool?: TranscriptToolInfo;
  /**
   * Set when `status` is `failed`: a failed user transcription, or a failed remote MCP call
   * (`code` is the MCP error's `type`, such as `tool_execution_error`, and `message` its message).
   */
  readonly error?: RealtimeError;
}

/**
 * The conversation, in order (by `previous_item_id`). Immutable and persistent: an update makes
 * a new `TranscriptState` that shares everything but the changed row, so one streamed delta costs
 * O(1) whatever the length. Build one for fixtures with `createTranscriptState(items)`.
 *
 * @example
 * ```ts
 * const { transcript } = session.getState();
 * transcript.length; // O(1)
 * transcript.at(-1)?.text; // O(1): the last row, for a virtualized list
 * transcript.get('item_1')?.status; // O(1)
 * transcript.items.map(renderRow); // a frozen array, built at most once per version
 * ```
 */
export interface TranscriptState {
  /**
   * Every item in conversation order: a frozen array, materialized lazily and cached, so
   * reading it costs O(n) once per transcript version. Virtualized views should use
   * `length` and `at()` instead.
   */
  readonly items: readonly TranscriptItem[];
  /** Number of items. */
  readonly length: number;
  /** Increases with every change; equal versions of one session mean equal content. */
  readonly version: number;
  /** The item at `index` (negative counts from the end), or undefined. O(log32 n). */
  at(index: number): TranscriptItem | undefined;
  /** The item with this id, or undefined. O(1) on the current snapshot. */
  get(id: string): TranscriptItem | undefined;
  /** Position of the item with this id, or -1. */
  indexOf(id: string): number;
}

// ---------------------------------------------------------------------------------------------
// Idle timeout

/**
 * Who detected a silence: the server (`input_audio_buffer.timeout_triggered`) or the kit's
 * client clock (semantic VAD, no VAD, or a dropped server event). See docs/idle-timeout.md.
 *
 * @example
 * ```ts
 * session.on('input_audio_timeout_triggered', (e) => log(e.source === 'server' ? e.itemId : 'client clock'));
 * ```
 */
export type IdleTimeoutSource = 'server' | 'client';

/**
 * - `off`: no idle policy (no timeout configured) or not connected.
 * - `listening`: the policy is on but the silence clock is paused (someone speaks, a response
 *   or tool call runs, assistant audio still plays).
 * - `counting`: the silence clock runs; `deadline` says when it fires.
 * - `timed_out`: at least one timeout fired and the user has not come back yet (the clock may
 *   be running again for the next one: see `deadline`).
 * - `ending`: `maxTimeouts` reached; the session ends at `endsAt` unless the user comes back.
 * - `ended`: the policy ended the session.
 *
 * @example
 * ```ts
 * const showBanner = (phase: IdlePhase) => phase === 'timed_out' || phase === 'ending';
 * ```
 */
export type IdlePhase = 'off' | 'listening' | 'counting' | 'timed_out' | 'ending' | 'ended';

/**
 * The idle part of the session state. Deadlines are times of the session's clock, so a
 * countdown computes `endsAt - session.clock.now()` without the state changing every second.
 *
 * @example
 * ```ts
 * const { phase, endsAt } = session.getState().idle;
 * if (phase === 'ending' && endsAt !== null) startCountdown(endsAt - session.clock.now());
 * ```
 */
export interface IdleState {
  phase: IdlePhase;
  /** Consecutive timeouts without the user speaking or typing. */
  timeouts: number;
  /** The last timeout event, or null. */
  last: InputAudioTimeoutTriggeredEvent | null;
  /** Clock time (ms, from the session clock) at which the silence clock fires, or null. */
  deadline: number | null;
  /** Clock time at which the session will be ended in phase `ending`, or null. */
  endsAt: number | null;
  /** The effective idle timeout in ms, or null when off. */
  timeoutMs: number | null;
}

/**
 * When the client-side silence clock runs (see the table in docs/idle-timeout.md).
 *
 * @example
 * ```ts
 * createRealtimeSession({ transport, idle: { timeoutMs: 8000, clientFallback: 'always' } });
 * ```
 */
export type ClientFallbackMode =
  /** Only where the server will not send the event (semantic VAD, no VAD), and as a late backup otherwise. */
  | 'auto'
  /** Always run the client clock as well; the first of the two to fire wins for one silence. */
  | 'always'
  /** Trust the server alone. */
  | 'never';

/**
 * The idle policy. Defaults (`DEFAULT_IDLE_POLICY`): `timeoutMs: null` (off),
 * `clientFallback: 'auto'`, `maxTimeouts: 3`, `endGraceMs: 20000`.
 *
 * @example
 * ```ts
 * const policy: Partial<IdlePolicy> = { timeoutMs: 8000, maxTimeouts: 2, endGraceMs: 15000 };
 * createRealtimeSession({ transport, idle: policy });
 * ```
 */
export interface IdlePolicy {
  /** Silence (ms) before a timeout: sent as `idle_timeout_ms` (5000..30000), or null for off. */
  timeoutMs: number | null;
  clientFallback: ClientFallbackMode;
  /** End the session after this many consecutive timeouts. `null` = never. */
  maxTimeouts: number | null;
  /** Grace period (ms) between the last timeout and the end of the session. */
  endGraceMs: number;
}

// ---------------------------------------------------------------------------------------------
// State snapshot

/**
 * Immutable snapshot. A new object only when something changed; unchanged parts keep identity,
 * so selectors (`state => state.idle`) let a component re-render only for what it reads.
 *
 * @example
 * ```ts
 * session.subscribe((state, previous) => {
 *   if (state.idle !== previous.idle) renderBanner(state.idle);
 * });
 * ```
 */
export interface SessionState {
  status: ConnectionStatus;
  /**
   * The last server or transport error (the session's health), cleared when a new `connect()`
   * starts. Protocol, handler and config errors are reported as `error` events only.
   */
  error: RealtimeError | null;
  /** The server's view of the session (from `session.created/updated`), or null. */
  session: SessionConfig | null;
  transcript: TranscriptState;
  idle: IdleState;
  userSpeaking: boolean;
  /** True while assistant audio is playing (not just being generated). */
  assistantSpeaking: boolean;
  /** True between `response.created` and `response.done`. */
  responding: boolean;
  muted: boolean;
}

// ---------------------------------------------------------------------------------------------
// Session events (camelCase; the raw wire event keeps snake_case in `server_event`)

/**
 * A wire event whose type the kit does not know (or a known type that failed validation).
 * Passed through untouched in `server_event` with `known: false`.
 *
 * @example
 * ```ts
 * session.on('server_event', ({ event, known }) => { if (!known) console.debug('new server event', event.type); });
 * ```
 */
export interface UnknownServerEvent {
  type: string;
  [key: string]: unknown;
}

/**
 * The user went quiet: the session event for `input_audio_buffer.timeout_triggered` (source
 * `server`) or the client clock (source `client`). Keeps every field of the wire event.
 *
 * @example
 * ```ts
 * session.on('input_audio_timeout_triggered', ({ count, idleMs, source }) => {
 *   analytics.track('idle', { count, idleMs, source });
 * });
 * ```
 */
export interface InputAudioTimeoutTriggeredEvent {
  type: 'input_audio_timeout_triggered';
  /** The silent user item the server committed; null for a client-detected timeout. */
  itemId: string | null;
  audioStartMs: number;
  audioEndMs: number;
  /** Length of the silence that triggered it. */
  idleMs: number;
  source: IdleTimeoutSource;
  /** Consecutive timeouts without the user speaking, this one included. */
  count: number;
  /** The wire `event_id`, for server timeouts. */
  eventId?: string;
  /**
   * True when the `timeout_triggered` event itself never arrived and the kit recognised the
   * server's timeout by its trace: a commit of audio in which nobody spoke, while the server's
   * idle clock was armed. `audioStartMs`/`audioEndMs` are then estimates (ms since connect).
   */
  inferred?: boolean;
}

/**
 * A response created outside the conversation (`response.create` with `response.conversation:
 * "none"`), finished. The server sends such a response's events (`response.*` only) but adds
 * none of its items to the conversation, so the session keeps them out of the transcript, out of
 * `responding` and out of `tool_call`, and reports the response here once, at its
 * `response.done`. Tell your requests apart with `metadata`.
 *
 * @example
 * ```ts
 * session.sendEvent({
 *   type: 'response.create',
 *   response: { conversation: 'none', metadata: { topic: 'classify' }, output_modalities: ['text'], instructions: 'One word: the topic.' },
 * });
 * session.on('out_of_band_response', ({ metadata, text, status }) => {
 *   if (metadata?.topic === 'classify' && status === 'completed') setTopic(text);
 * });
 * ```
 */
export interface OutOfBandResponseEvent {
  type: 'out_of_band_response';
  responseId: string;
  /** `completed`, `cancelled`, `failed` or `incomplete` (the wire `response.status`). */
  status: string;
  /** `response.status_details.reason`, when the server gave one. */
  reason?: string;
  /** The `metadata` sent with `response.create`, as the server echoed it; null when none. */
  metadata: Readonly<Record<string, unknown>> | null;
  /**
   * The response's text: the `output_text` text or `output_audio` transcript of its message
   * items (joined by a line break), or, when the final response carries none, the streamed deltas.
   */
  text: string;
  /** Its output items as the server sent them (function calls included); empty if unreadable. */
  output: readonly ConversationItem[];
}

/**
 * Every event a session emits, discriminated on `type` (camelCase fields; the raw wire event
 * keeps snake_case in `server_event`). Events of one wire message arrive in wire order, after
 * the state was updated.
 *
 * @example
 * ```ts
 * session.on('*', (event: SessionEvent) => {
 *   if (event.type === 'transcript_delta') appendText(event.itemId, event.delta);
 * });
 * ```
 */
export type SessionEvent =
  | { type: 'status_changed'; status: ConnectionStatus; previous: ConnectionStatus; error?: RealtimeError }
  | { type: 'session_updated'; session: SessionConfig }
  | { type: 'speech_started'; itemId: string; audioStartMs: number }
  | { type: 'speech_stopped'; itemId: string; audioEndMs: number }
  | InputAudioTimeoutTriggeredEvent
  | { type: 'idle_changed'; idle: IdleState; previous: IdleState }
  | { type: 'transcript_delta'; itemId: string; role: TranscriptRole; delta: string; text: string }
  | { type: 'transcript_done'; itemId: string; role: TranscriptRole; text: string }
  | { type: 'history_added'; item: TranscriptItem }
  | { type: 'history_updated'; item: TranscriptItem }
  /** `conversation.item.deleted`: the row is gone from the transcript. */
  | { type: 'history_removed'; itemId: string }
  /** A response of the conversation started (out-of-band responses: `out_of_band_response`). */
  | { type: 'response_started'; responseId: string }
  /** A response of the conversation ended (out-of-band responses: `out_of_band_response`). */
  | { type: 'response_done'; responseId: string; status: string; reason?: string }
  | OutOfBandResponseEvent
  | { type: 'audio_started'; itemId?: string; responseId?: string }
  | { type: 'audio_stopped'; itemId?: string; responseId?: string }
  | { type: 'audio_interrupted'; itemId?: string; responseId?: string; audioEndMs?: number }
  | { type: 'tool_call'; callId: string; name: string; arguments: string; itemId: string; responseId: string }
  | { type: 'muted_changed'; muted: boolean }
  | { type: 'error'; error: RealtimeError }
  | { type: 'server_event'; event: ServerEvent | UnknownServerEvent; known: boolean };

/**
 * Every session event name.
 *
 * @example
 * ```ts
 * const logged: SessionEventType[] = ['status_changed', 'input_audio_timeout_triggered'];
 * ```
 */
export type SessionEventType = SessionEvent['type'];
/**
 * The event of one type.
 *
 * @example
 * ```ts
 * const onStart = (event: SessionEventOf<'speech_started'>) => console.log(event.audioStartMs);
 * ```
 */
export type SessionEventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;
/**
 * Event type names plus `'*'` for every event.
 *
 * @example
 * ```ts
 * const selector: SessionEventSelector = '*';
 * ```
 */
export type SessionEventSelector = SessionEventType | '*';
/**
 * The events selected by one name or a list of names (`'*'` = all).
 *
 * @example
 * ```ts
 * type SpeechEvents = SelectedSessionEvent<'speech_started' | 'speech_stopped'>;
 * ```
 */
export type SelectedSessionEvent<T extends SessionEventSelector> = T extends '*'
  ? SessionEvent
  : T extends SessionEventType
    ? SessionEventOf<T>
    : never;

// ---------------------------------------------------------------------------------------------
// The session object

/**
 * Options of `createRealtimeSession`.
 *
 * @example
 * ```ts
 * const options: CreateRealtimeSessionOptions = {
 *   transport: createMockTransport(),
 *   config: { type: 'realtime', instructions: 'Be brief.' },
 *   idle: { timeoutMs: 8000 },
 * };
 * ```
 */
export interface CreateRealtimeSessionOptions {
  transport: RealtimeTransport;
  /** Initial session config (GA wire shape), sent as `session.update` once connected. */
  config?: SessionConfig;
  /** Idle timeout policy. Omitted fields take documented defaults; omitted entirely = off. */
  idle?: Partial<IdlePolicy>;
  /** Time source; tests inject a virtual clock. Defaults to `Date.now` and `setTimeout`. */
  clock?: Clock;
}

/**
 * A running Realtime session: state snapshot, typed events and actions. Create one with
 * `createRealtimeSession`; actions never throw (failures become `error` events).
 *
 * @example
 * ```ts
 * const off = session.on(['speech_started', 'speech_stopped'], (e) => setTalking(e.type === 'speech_started'));
 * session.sendText('Hello!');
 * session.stillHere(); // from the idle banner's button
 * off();
 * ```
 */
export interface RealtimeSession {
  /**
   * Open the transport and send the initial config (with the idle timeout merged in). Safe to
   * call twice: returns the same promise while connecting or connected. Resolves once
   * connected, or when `disconnect()` cancelled the attempt; rejects when the connection fails
   * (the state says `error` too).
   */
  connect(): Promise<void>;
  /** Close the transport. Idempotent. */
  disconnect(): void;
  getState(): SessionState;
  /** Called after every state change with the new and previous snapshot. */
  subscribe(listener: (state: SessionState, previous: SessionState) => void): () => void;
  /** Typed event subscription. `'*'` subscribes to every event. Returns an unsubscribe. */
  on<T extends SessionEventSelector>(
    type: T | readonly T[],
    handler: (event: SelectedSessionEvent<T>) => void,
  ): () => void;
  /** Send a user text message and ask for a response. Counts as user activity for the idle policy. */
  sendText(text: string): void;
  /** Send any client event, validated first. */
  sendEvent(event: ClientEvent): void;
  /** Send a `session.update` with this patch (idle timeout validated and merged). */
  updateSession(patch: SessionConfig): void;
  /** Stop the assistant (cancel the response, stop playback). */
  interrupt(): void;
  setMuted(muted: boolean): void;
  /** The user is back: reset the consecutive count and cancel a pending end of session. */
  stillHere(): void;
  /** Change the idle policy at runtime (a new `timeoutMs` is sent through `session.update`). */
  setIdlePolicy(patch: Partial<IdlePolicy>): void;
  /** The effective idle policy. */
  getIdlePolicy(): IdlePolicy;
  /** The session's clock, so countdowns use the same time as deadlines. */
  readonly clock: Clock;
}
