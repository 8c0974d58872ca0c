import type { ConversationItem } from '../../protocol/index.ts';
import { readState, writeState, type SessionContext } from '../context/sessionContext.ts';
import {
  appendTranscriptDelta,
  applyConversationItem,
  markToolCallAnswered,
  setTranscriptText,
  type TranscriptUpdate,
} from './transcriptReducer.ts';
import type { TranscriptItemStatus } from './transcriptTypes.ts';
import { trackApprovalItem } from '../approvals/trackApprovals.ts';

/** Store a transcript update and announce its row: `announce` false for deltas (they have their own event). */
export function applyTranscript(ctx: SessionContext, update: TranscriptUpdate | null, announce: boolean): void {
  if (!update) return;
  writeState(ctx).transcript = update.transcript;
  if (update.added) ctx.emitter.enqueue({ type: 'history_added', item: update.item });
  else if (announce) ctx.emitter.enqueue({ type: 'history_updated', item: update.item });
}

export function applyItem(
  ctx: SessionContext,
  item: ConversationItem,
  previousItemId: string | null | undefined,
  fallback: TranscriptItemStatus,
): void {
  const idleInfo = typeof item.id === 'string' ? ctx.idleItems.get(item.id) : undefined;
  applyTranscript(ctx, applyConversationItem(readState(ctx).transcript, item, previousItemId, fallback, idleInfo), true);
  if (item.type === 'function_call_output') toolCallAnswered(ctx, item.call_id, item.output);
  trackApprovalItem(ctx, item);
}

/**
 * A `function_call_output` is in (the app sent it, or the server echoed one): the call no longer
 * waits, and its row shows the answer (a no-op when the session settled it already).
 */
export function toolCallAnswered(ctx: SessionContext, callId: string, output: string): void {
  ctx.pendingTools.delete(callId);
  applyTranscript(ctx, markToolCallAnswered(readState(ctx).transcript, callId, output), true);
}

export function textDelta(ctx: SessionContext, itemId: string, role: 'user' | 'assistant', delta: string): void {
  const update = appendTranscriptDelta(readState(ctx).transcript, itemId, role, delta);
  applyTranscript(ctx, update, false);
  if (ctx.wantsDeltas) {
    ctx.emitter.enqueue({ type: 'transcript_delta', itemId, role: update.item.role, delta, text: update.item.text });
  }
}

export function textDone(
  ctx: SessionContext,
  itemId: string,
  role: 'user' | 'assistant',
  text: string,
  status?: TranscriptItemStatus,
): void {
  const update = setTranscriptText(readState(ctx).transcript, itemId, role, text, status);
  const item = update?.item ?? readState(ctx).transcript.get(itemId);
  // Same order as the assistant's: the text is final, then the row changes.
  if (update && !update.added) ctx.emitter.enqueue({ type: 'transcript_done', itemId, role: item?.role ?? role, text });
  applyTranscript(ctx, update, true);
  if (!update || update.added) ctx.emitter.enqueue({ type: 'transcript_done', itemId, role: item?.role ?? role, text });
}
