import type { ConversationItem, ServerEvent, SessionConfig } from '../../protocol/index.ts';
import type { ConnectionStatus } from '../connection/connectionStatus.ts';
import type { IdleState, InputAudioTimeoutTriggeredEvent } from '../idle/idleTypes.ts';
import type { TranscriptItem, TranscriptRole } from '../transcript/transcriptTypes.ts';
import type { RealtimeError } from './realtimeError.ts';
import type { McpApprovalRequest } from '../approvals/approvalTypes.ts';
import type { ToolResultEvent } from '../tools/toolTypes.ts';

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
  | ToolResultEvent
  /** A remote MCP tool asks for approval: the request is in `state.approvals` too. */
  | { type: 'approval_requested'; request: McpApprovalRequest }
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
