import type { RealtimeError } from '../events/realtimeError.ts';
import type { IdleTimeoutSource } from '../idle/idleTypes.ts';

// Transcript: the rows of the conversation, as the session state holds them.

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
  /**
   * Where the call stands, on a function call's row: `running` while a client tool's `execute`
   * runs (or the app's `tool_call` handler has not answered yet), `completed` once its output was
   * sent, `failed` when it was answered with an error (see the row's `error`). Absent before the
   * arguments are complete. The row's `status` is the wire item's own (streamed or not).
   */
  state?: 'running' | 'completed' | 'failed';
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
