import type { ConversationItem } from '../../protocol/index.ts';
import {
  addTranscriptItem,
  isTranscriptItemUnplaced,
  placeTranscriptItem,
  removeTranscriptItem,
  replaceTranscriptItem,
  replaceTranscriptItemAt,
} from './createTranscriptState.ts';
import type { RealtimeError } from '../events/realtimeError.ts';
import type {
  TranscriptIdleInfo,
  TranscriptItem,
  TranscriptItemStatus,
  TranscriptRole,
  TranscriptState,
  TranscriptToolInfo,
} from './transcriptTypes.ts';

/**
 * The result of one transcript change: the new transcript, the changed row, and whether the
 * row is new (`history_added`) or an update (`history_updated`). Functions return null when
 * nothing changed, so the caller emits nothing and the row keeps its identity.
 */
export interface TranscriptUpdate {
  transcript: TranscriptState;
  item: TranscriptItem;
  added: boolean;
}

// Higher rank wins a merge: a row never goes back from completed to in_progress, and an end
// that is not `completed` sticks even if a late `item.done` says otherwise. Only the mark
// functions below move a row between those ends.
const STATUS_RANK: Record<TranscriptItemStatus, number> = {
  in_progress: 0,
  completed: 1,
  incomplete: 2,
  interrupted: 2,
  failed: 2,
};

function wireStatus(status: string | null | undefined, fallback: TranscriptItemStatus): TranscriptItemStatus {
  if (status === 'completed') return 'completed';
  // The wire's `incomplete` is nearly always an interruption; a `response.done` that says the
  // server cut the reply short relabels it (markTranscriptCutShort).
  if (status === 'incomplete') return 'interrupted';
  if (status === 'in_progress') return 'in_progress';
  return fallback;
}

function contentText(content: readonly { type: string; text?: string | null; transcript?: string | null }[]): string {
  let text = '';
  for (const part of content) {
    if (part.type === 'input_text' || part.type === 'output_text') text += part.text ?? '';
    else if (part.type === 'input_audio' || part.type === 'output_audio') text += part.transcript ?? '';
  }
  return text;
}

/**
 * One wire conversation item as a transcript row, or null for items a transcript does not show
 * (MCP tool lists, approvals, references) or that carry no id.
 */
export function transcriptItemFromWire(
  wire: ConversationItem,
  previousItemId: string | null,
  fallbackStatus: TranscriptItemStatus,
): TranscriptItem | null {
  if (typeof wire.id !== 'string') return null;
  const status = wireStatus(wire.status, fallbackStatus);
  switch (wire.type) {
    case 'message':
      return { id: wire.id, role: wire.role, kind: 'message', text: contentText(wire.content), status, previousItemId };
    case 'function_call':
      return {
        id: wire.id,
        role: 'assistant',
        kind: 'tool_call',
        text: '',
        status,
        previousItemId,
        tool: { name: wire.name, callId: wire.call_id ?? '', arguments: wire.arguments },
      };
    case 'function_call_output':
      return {
        id: wire.id,
        role: 'tool',
        kind: 'tool_call',
        text: wire.output,
        status,
        previousItemId,
        tool: { name: '', callId: wire.call_id, arguments: '', output: wire.output },
      };
    case 'mcp_call': {
      // An `mcp_call` item has no status: it runs until `item.done`, which carries its output or
      // its error (then the call failed, whatever the event's fallback says).
      const error = mcpCallError(wire.error);
      const row: MutableItem = {
        id: wire.id,
        role: 'assistant',
        kind: 'tool_call',
        text: wire.output ?? '',
        status: error ? 'failed' : status,
        previousItemId,
        tool: {
          name: wire.name ?? '',
          callId: wire.id,
          arguments: wire.arguments ?? '',
          ...(typeof wire.output === 'string' ? { output: wire.output } : {}),
          ...(typeof wire.server_label === 'string' ? { serverLabel: wire.server_label } : {}),
        },
      };
      if (error) row.error = error;
      return row;
    }
    default:
      return null;
  }
}

/**
 * The error of an `mcp_call` item (`protocol_error`, `tool_execution_error`, `http_error`), as
 * the row's error; undefined when the call has none.
 */
function mcpCallError(error: unknown): RealtimeError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, code, message } = error as { type?: unknown; code?: unknown; message?: unknown };
  return {
    source: 'server',
    code: typeof type === 'string' ? type : typeof code === 'string' || typeof code === 'number' ? String(code) : 'mcp_call_failed',
    message: typeof message === 'string' ? message : 'The MCP tool call failed.',
    cause: error,
  };
}

function sameTool(a: TranscriptItem['tool'], b: TranscriptItem['tool']): boolean {
  return (
    a === b ||
    (!!a &&
      !!b &&
      a.name === b.name &&
      a.callId === b.callId &&
      a.arguments === b.arguments &&
      a.output === b.output &&
      a.serverLabel === b.serverLabel &&
      a.state === b.state)
  );
}

type MutableItem = { -readonly [K in keyof TranscriptItem]: TranscriptItem[K] };

function mergeTools(existing: TranscriptItem['tool'], incoming: TranscriptItem['tool']): TranscriptItem['tool'] {
  if (!incoming || !existing) return incoming ?? existing;
  const output = incoming.output ?? existing.output;
  const serverLabel = incoming.serverLabel ?? existing.serverLabel;
  // Wire items carry no `state`: where the call stands is the session's, kept across merges.
  const state = incoming.state ?? existing.state;
  return {
    name: incoming.name || existing.name,
    callId: incoming.callId || existing.callId,
    arguments: incoming.arguments || existing.arguments,
    ...(output !== undefined ? { output } : {}),
    ...(serverLabel !== undefined ? { serverLabel } : {}),
    ...(state !== undefined ? { state } : {}),
  };
}

/**
 * The row after a wire item arrived for it. Every `conversation.item.*` event goes through
 * here, so the merged row is compared field by field before it is built, and built as a
 * literal (not spreads): an unchanged row costs no allocation and keeps its identity.
 */
function merge(existing: TranscriptItem, incoming: TranscriptItem): TranscriptItem {
  const idle = existing.kind === 'idle_timeout' ? existing : incoming.kind === 'idle_timeout' ? incoming : null;
  const status =
    STATUS_RANK[incoming.status] > STATUS_RANK[existing.status] ? incoming.status : existing.status;
  const tool = mergeTools(existing.tool, incoming.tool);
  const role = idle ? 'user' : incoming.role;
  const kind = idle ? 'idle_timeout' : incoming.kind;
  // A wire item often carries no text yet (audio not transcribed): keep what deltas built.
  const text = incoming.text !== '' ? incoming.text : existing.text;
  const previousItemId = incoming.previousItemId ?? existing.previousItemId;
  const idleInfo = idle?.idle || undefined;
  // A failed MCP call's item brings the error details a bare `mcp_call.failed` lacked.
  const error = incoming.error ?? existing.error;
  if (
    role === existing.role &&
    kind === existing.kind &&
    text === existing.text &&
    status === existing.status &&
    previousItemId === existing.previousItemId &&
    idleInfo === existing.idle &&
    error === existing.error &&
    sameTool(tool, existing.tool)
  ) {
    return existing;
  }
  const merged: MutableItem = { id: existing.id, role, kind, text, status, previousItemId };
  if (idleInfo) merged.idle = idleInfo;
  if (tool) merged.tool = tool;
  if (error) merged.error = error;
  return merged;
}

/**
 * Apply `conversation.item.added` / `.done` (and the like): add the row where
 * `previous_item_id` says, or merge into the row deltas already built.
 *
 * @param idle Set when this item is the silent audio an idle timeout committed.
 */
export function applyConversationItem(
  transcript: TranscriptState,
  wire: ConversationItem,
  previousItemId: string | null | undefined,
  fallbackStatus: TranscriptItemStatus,
  idle: TranscriptIdleInfo | undefined,
): TranscriptUpdate | null {
  let incoming = transcriptItemFromWire(wire, previousItemId ?? null, fallbackStatus);
  if (!incoming) return null;
  if (idle) incoming = { ...incoming, role: 'user', kind: 'idle_timeout', idle };
  const existing = transcript.get(incoming.id);
  if (!existing) {
    const placement = previousItemId === undefined ? 'end' : 'after';
    return { transcript: addTranscriptItem(transcript, incoming, placement), item: incoming, added: true };
  }
  let next = transcript;
  if (isTranscriptItemUnplaced(transcript, existing.id)) next = placeTranscriptItem(next, existing.id, previousItemId);
  const item = merge(existing, previousItemId === undefined ? { ...incoming, previousItemId: existing.previousItemId } : incoming);
  if (item === existing) return next === transcript ? null : { transcript: next, item, added: false };
  return { transcript: replaceTranscriptItem(next, item), item, added: false };
}

function createRow(id: string, role: TranscriptRole, text: string, status: TranscriptItemStatus): TranscriptItem {
  return { id, role, kind: 'message', text, status, previousItemId: null };
}

/**
 * A copy of `item` with new text. Spelled out because it runs once per streamed delta, and an
 * object spread with an override (`{ ...item, text }`) costs several times as much in V8.
 */
function withText(item: TranscriptItem, text: string, status: TranscriptItemStatus = item.status): TranscriptItem {
  const next: MutableItem = {
    id: item.id,
    role: item.role,
    kind: item.kind,
    text,
    status,
    previousItemId: item.previousItemId,
  };
  if (item.idle !== undefined) next.idle = item.idle;
  if (item.tool !== undefined) next.tool = item.tool;
  if (item.error !== undefined) next.error = item.error;
  return next;
}

/**
 * Append streamed text to a row: the hot path, O(log32 n). A delta for an item the transcript
 * has not seen yet (it beat its `item.added`) creates the row, placed later.
 */
export function appendTranscriptDelta(
  transcript: TranscriptState,
  itemId: string,
  role: TranscriptRole,
  delta: string,
): TranscriptUpdate {
  const position = transcript.indexOf(itemId);
  if (position < 0) {
    const item = createRow(itemId, role, delta, 'in_progress');
    return { transcript: addTranscriptItem(transcript, item, 'unplaced'), item, added: true };
  }
  const existing = transcript.at(position) as TranscriptItem;
  if (delta === '') return { transcript, item: existing, added: false };
  const item = withText(existing, existing.text + delta);
  return { transcript: replaceTranscriptItemAt(transcript, position, item), item, added: false };
}

/**
 * Set the final text of a row (`*.done`, `transcription.completed`): the server's full text
 * replaces what the deltas built. `status` (if given) is applied unless the row already ended
 * as interrupted or failed.
 */
export function setTranscriptText(
  transcript: TranscriptState,
  itemId: string,
  role: TranscriptRole,
  text: string,
  status?: TranscriptItemStatus,
): TranscriptUpdate | null {
  const existing = transcript.get(itemId);
  if (!existing) {
    const item = createRow(itemId, role, text, status ?? 'in_progress');
    return { transcript: addTranscriptItem(transcript, item, 'unplaced'), item, added: true };
  }
  const nextStatus = status && STATUS_RANK[status] > STATUS_RANK[existing.status] ? status : existing.status;
  if (existing.text === text && existing.status === nextStatus) return null;
  const item = withText(existing, text, nextStatus);
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/** Mark a row interrupted (truncated audio, a cancelled response). Failed rows stay failed. */
export function markTranscriptInterrupted(transcript: TranscriptState, itemId: string): TranscriptUpdate | null {
  const existing = transcript.get(itemId);
  if (!existing || existing.status === 'interrupted' || existing.status === 'failed') return null;
  const item: TranscriptItem = { ...existing, status: 'interrupted' };
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/** Mark a row the server cut short (`response.done` with status `incomplete`): not an interruption. */
export function markTranscriptCutShort(transcript: TranscriptState, itemId: string): TranscriptUpdate | null {
  const existing = transcript.get(itemId);
  if (!existing || existing.status === 'incomplete' || existing.status === 'failed') return null;
  const item: TranscriptItem = { ...existing, status: 'incomplete' };
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/** Mark a user row failed (its transcription failed), with the error. */
export function markTranscriptFailed(
  transcript: TranscriptState,
  itemId: string,
  error: RealtimeError,
): TranscriptUpdate {
  const existing = transcript.get(itemId);
  if (!existing) {
    const item: TranscriptItem = { ...createRow(itemId, 'user', '', 'failed'), error };
    return { transcript: addTranscriptItem(transcript, item, 'unplaced'), item, added: true };
  }
  const item: TranscriptItem = { ...existing, status: 'failed', error };
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/** Turn the silent user row an idle timeout committed into an idle marker. */
export function markTranscriptIdle(
  transcript: TranscriptState,
  itemId: string,
  idle: TranscriptIdleInfo,
): TranscriptUpdate | null {
  const existing = transcript.get(itemId);
  if (!existing) return null;
  const item: TranscriptItem = { ...existing, role: 'user', kind: 'idle_timeout', idle };
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/**
 * Record a tool call's arguments on its row (`function_call_arguments.delta/.done`): appended
 * while streaming (`done: false`), replaced by the final value (`done: true`).
 */
export function applyToolArguments(
  transcript: TranscriptState,
  itemId: string,
  callId: string,
  name: string | undefined,
  args: string,
  done: boolean,
): TranscriptUpdate {
  const existing = transcript.get(itemId);
  const previousTool = existing?.tool;
  // Complete arguments make the call wait for its output: `running` until it is answered.
  const state = previousTool?.state ?? (done ? 'running' : undefined);
  const tool = {
    name: name ?? previousTool?.name ?? '',
    callId,
    arguments: done ? args : (previousTool?.arguments ?? '') + args,
    ...(previousTool?.output !== undefined ? { output: previousTool.output } : {}),
    ...(state !== undefined ? { state } : {}),
  };
  if (!existing) {
    const item: TranscriptItem = {
      id: itemId,
      role: 'assistant',
      kind: 'tool_call',
      text: '',
      status: done ? 'completed' : 'in_progress',
      previousItemId: null,
      tool,
    };
    return { transcript: addTranscriptItem(transcript, item, 'unplaced'), item, added: true };
  }
  const status = done && existing.status === 'in_progress' ? 'completed' : existing.status;
  const item: TranscriptItem = { ...existing, kind: 'tool_call', status, tool };
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/**
 * A function call's row with `tool.state` (and its output, when given). The row's `status`
 * (the wire item's) is left as it is.
 */
export function withToolState(
  transcript: TranscriptState,
  row: TranscriptItem,
  state: 'completed' | 'failed',
  output?: string,
): TranscriptUpdate {
  const item: TranscriptItem = { ...row, tool: { ...(row.tool as TranscriptToolInfo), state, ...(output !== undefined && { output }) } };
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/**
 * A `function_call_output` item arrived (the server's echo, or the app's through `sendEvent`):
 * the call's row, found by `call_id` from the end (the call is nearly always among the last
 * rows), takes its output and `completed`, unless the session settled it already. Only output
 * items pay for the search.
 */
export function markToolCallAnswered(transcript: TranscriptState, callId: string, output: string): TranscriptUpdate | null {
  for (let i = transcript.length; i--; ) {
    const row = transcript.at(i) as TranscriptItem;
    if (row.tool?.callId === callId && row.role !== 'tool') return row.tool.state === 'running' ? withToolState(transcript, row, 'completed', output) : null;
  }
  return null;
}

/**
 * End a row that is still streaming, with `status`; null when there is no such row or it has
 * ended already (an end is never replaced here: see the mark functions above).
 */
export function settleTranscriptItem(
  transcript: TranscriptState,
  itemId: string,
  status: 'completed' | 'incomplete' | 'interrupted',
): TranscriptUpdate | null {
  const existing = transcript.get(itemId);
  if (!existing || existing.status !== 'in_progress') return null;
  const item = withText(existing, existing.text, status);
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/**
 * End a streaming row with the item a `response.output_item.done` carries (its status, text,
 * tool output or error), merged as `conversation.item.done` would, but without placing the row:
 * only a `conversation.item.*` says where an item goes in the conversation. An item that is done
 * but still says `in_progress` ends as completed. A remote MCP call's row that its
 * `mcp_call.completed/.failed` ended already still takes the item's output and error; any other
 * ended row is left as it is. Null when nothing changed.
 */
export function settleTranscriptItemWith(transcript: TranscriptState, wire: ConversationItem): TranscriptUpdate | null {
  const existing = typeof wire.id === 'string' ? transcript.get(wire.id) : undefined;
  if (!existing || (existing.status !== 'in_progress' && wire.type !== 'mcp_call')) return null;
  const incoming = transcriptItemFromWire(wire, existing.previousItemId, 'completed');
  if (!incoming) return settleTranscriptItem(transcript, existing.id, 'completed');
  let item = merge(existing, incoming);
  if (item.status === 'in_progress') item = withText(item, item.text, 'completed');
  if (item === existing) return null;
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/**
 * Record a remote MCP call's streamed arguments on its row (`mcp_call_arguments.delta/.done`).
 * Unlike a function call, the row keeps running when its arguments are done: the server runs
 * the tool next. A row the transcript has not seen yet is created, placed later.
 */
export function applyMcpArguments(
  transcript: TranscriptState,
  itemId: string,
  args: string,
  done: boolean,
): TranscriptUpdate {
  const existing = transcript.get(itemId);
  const previous = existing?.tool;
  const tool = { ...previous, name: previous?.name ?? '', callId: itemId, arguments: done ? args : (previous?.arguments ?? '') + args };
  if (!existing) {
    const item: TranscriptItem = { id: itemId, role: 'assistant', kind: 'tool_call', text: '', status: 'in_progress', previousItemId: null, tool };
    return { transcript: addTranscriptItem(transcript, item, 'unplaced'), item, added: true };
  }
  const item: TranscriptItem = { ...existing, kind: 'tool_call', tool };
  return { transcript: replaceTranscriptItem(transcript, item), item, added: false };
}

/**
 * `response.mcp_call.completed` / `.failed`: the call's outcome, before (or without) its item's
 * `done`. A failure without details gets a generic error, which the item's own error replaces.
 */
export function markMcpCallOutcome(transcript: TranscriptState, itemId: string, failed: boolean): TranscriptUpdate | null {
  const existing = transcript.get(itemId);
  if (!existing) return null;
  if (!failed) return settleTranscriptItem(transcript, itemId, 'completed');
  if (existing.status === 'failed') return null;
  const error: RealtimeError = { source: 'server', code: 'mcp_call_failed', message: 'The MCP tool call failed.' };
  return markTranscriptFailed(transcript, itemId, error);
}

/** `conversation.item.deleted`. */
export function deleteTranscriptItem(transcript: TranscriptState, itemId: string): TranscriptState {
  return removeTranscriptItem(transcript, itemId);
}
