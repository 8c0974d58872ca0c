import type { ClientEvent, ServerEvent, SessionConfig } from '../protocol/index.ts';
import type { RealtimeTransport } from '../transports/types.ts';
import type { Clock } from './clock.ts';

/** Connection status of a session. `idle` = never connected yet. */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'disconnected' | 'error';

/** Where an error came from, so a UI can decide what to show. */
export type RealtimeErrorSource = 'server' | 'transport' | 'protocol' | 'handler' | 'config';

/** One error, normalized. Never thrown into the caller's stack from the event path. */
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

export type TranscriptRole = 'user' | 'assistant' | 'system' | 'tool';
/** `idle_timeout`: the silent user item the server commits when the idle timeout fires. */
export type TranscriptItemKind = 'message' | 'idle_timeout' | 'tool_call';
export type TranscriptItemStatus = 'in_progress' | 'completed' | 'interrupted' | 'failed';

/** Facts about the silence behind an `idle_timeout` transcript item. */
export interface TranscriptIdleInfo {
  audioStartMs: number;
  audioEndMs: number;
  idleMs: number;
  source: IdleTimeoutSource;
}

export interface TranscriptToolInfo {
  name: string;
  callId: string;
  arguments: string;
  output?: string;
}

/**
 * One row of the conversation. Immutable: an update replaces the item object (and only it),
 * so a row that did not change keeps its identity and need not render again.
 */
export interface TranscriptItem {
  readonly id: string;
  readonly role: TranscriptRole;
  readonly kind: TranscriptItemKind;
  /** Text so far: the transcript of audio, or text content. Empty while nothing arrived. */
  readonly text: string;
  readonly status: TranscriptItemStatus;
  /** The item this one follows, as the server said (`previous_item_id`); null = first or unknown. */
  readonly previousItemId: string | null;
  /** Set when `kind` is `idle_timeout`. */
  readonly idle?: TranscriptIdleInfo;
  /** Set when `kind` is `tool_call`. */
  readonly tool?: TranscriptToolInfo;
  /** Set when `status` is `failed` (for example a failed user transcription). */
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
 */
export type IdlePhase = 'off' | 'listening' | 'counting' | 'timed_out' | 'ending' | 'ended';

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

/** When the client-side silence clock runs. */
export type ClientFallbackMode =
  /** Only where the server will not send the event (semantic VAD, no VAD), and as a late backup otherwise. */
  | 'auto'
  /** Always run the client clock as well; the first of the two to fire wins for one silence. */
  | 'always'
  /** Trust the server alone. */
  | 'never';

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

/** Immutable snapshot. A new object only when something changed; unchanged parts keep identity. */
export interface SessionState {
  status: ConnectionStatus;
  /** The last error, cleared on a new successful connect. */
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

/** A wire event whose type the kit does not know. Passed through untouched. */
export interface UnknownServerEvent {
  type: string;
  [key: string]: unknown;
}

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
  | { type: 'response_started'; responseId: string }
  | { type: 'response_done'; responseId: string; status: string; reason?: string }
  | { type: 'audio_started'; itemId?: string; responseId?: string }
  | { type: 'audio_stopped'; itemId?: string; responseId?: string }
  | { type: 'audio_interrupted'; itemId?: string; responseId?: string; audioEndMs?: number }
  | { type: 'tool_call'; callId: string; name: string; arguments: string; itemId: string; responseId: string }
  | { type: 'muted_changed'; muted: boolean }
  | { type: 'error'; error: RealtimeError }
  | { type: 'server_event'; event: ServerEvent | UnknownServerEvent; known: boolean };

export type SessionEventType = SessionEvent['type'];
/** The event of one type: `SessionEventOf<'speech_started'>`. */
export type SessionEventOf<T extends SessionEventType> = Extract<SessionEvent, { type: T }>;
/** Event type names plus `'*'` for every event. */
export type SessionEventSelector = SessionEventType | '*';
/** The events selected by one name or a list of names (`'*'` = all). */
export type SelectedSessionEvent<T extends SessionEventSelector> = T extends '*'
  ? SessionEvent
  : T extends SessionEventType
    ? SessionEventOf<T>
    : never;

// ---------------------------------------------------------------------------------------------
// The session object

export interface CreateRealtimeSessionOptions {
  transport: RealtimeTransport;
  /** Initial session config (GA wire shape), sent as `session.update` once connected. */
  config?: SessionConfig;
  /** Idle timeout policy. Omitted fields take documented defaults; omitted entirely = off. */
  idle?: Partial<IdlePolicy>;
  /** Time source; tests inject a virtual clock. Defaults to `Date.now` and `setTimeout`. */
  clock?: Clock;
}

export interface RealtimeSession {
  /** Open the transport and send the initial config. Safe to call twice (returns the same promise). */
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
