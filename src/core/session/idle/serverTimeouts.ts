import type { ServerEventOf } from '../../protocol/index.ts';
import { applyTranscript } from '../transcript/applyTranscript.ts';
import { readState, type SessionContext } from '../context/sessionContext.ts';
import { markTranscriptIdle } from '../transcript/transcriptReducer.ts';
import type { TranscriptIdleInfo } from '../transcript/transcriptTypes.ts';

// The server's timeouts, counted once each: its `timeout_triggered` event, or the silent commit
// that stands for one when that event never comes, with the idle marker of the silent item.

/** How many idle-item facts to keep for items the server has not sent yet. */
const MAX_PENDING_IDLE_ITEMS = 32;

/** The server's `input_audio_buffer.timeout_triggered`: count it, and mark its silent item. */
export function countServerTimeout(ctx: SessionContext, event: ServerEventOf<'input_audio_buffer.timeout_triggered'>): void {
  if (ctx.inferredItems.delete(event.item_id) || ctx.idleItems.has(event.item_id)) {
    // Counted already (from its silent commit, or the same event delivered twice): only the facts improve.
    recordIdleItem(ctx, event.item_id, {
      audioStartMs: event.audio_start_ms,
      audioEndMs: event.audio_end_ms,
      idleMs: Math.max(0, event.audio_end_ms - event.audio_start_ms),
      source: 'server',
    });
    return;
  }
  const fired = ctx.idle.timeout({
    source: 'server',
    itemId: event.item_id,
    audioStartMs: event.audio_start_ms,
    audioEndMs: event.audio_end_ms,
    eventId: event.event_id,
  });
  // Even an ignored timeout (the client clock already fired for this silence) commits a
  // silent item: it still becomes an idle marker, not an empty user bubble.
  recordIdleItem(ctx, event.item_id, {
    audioStartMs: event.audio_start_ms,
    audioEndMs: event.audio_end_ms,
    idleMs: fired?.idleMs ?? Math.max(0, event.audio_end_ms - event.audio_start_ms),
    source: 'server',
  });
  if (fired) ctx.emitter.enqueue(fired);
}

/**
 * Some transports never deliver `timeout_triggered` (a community report: WebSocket clients),
 * and the server then starts its re-prompt at once, which pauses our backup clock for good.
 * Its other trace is a commit of audio in which nobody spoke: with the server's idle clock
 * armed, that is the timeout. Count it then; the real event, if it comes late, only refines it.
 */
export function countSilentCommit(ctx: SessionContext, event: ServerEventOf<'input_audio_buffer.committed'>): void {
  const silent = !ctx.speechSinceCommit && ctx.clientCommits === 0;
  ctx.speechSinceCommit = false;
  if (ctx.clientCommits > 0) ctx.clientCommits--;
  const { idle } = ctx;
  if (!silent || !idle.state.server || ctx.idleItems.has(event.item_id)) return;
  const audioEndMs = Math.max(0, ctx.clock.now() - idle.state.connectedAt);
  const timeoutMs = idle.state.timeoutMs ?? 0;
  const fired = idle.timeout({
    source: 'server',
    itemId: event.item_id,
    audioStartMs: Math.max(0, audioEndMs - timeoutMs),
    audioEndMs,
    inferred: true,
  });
  if (ctx.inferredItems.size >= MAX_PENDING_IDLE_ITEMS) ctx.inferredItems.clear();
  ctx.inferredItems.add(event.item_id);
  recordIdleItem(ctx, event.item_id, {
    audioStartMs: Math.max(0, audioEndMs - timeoutMs),
    audioEndMs,
    idleMs: fired?.idleMs ?? timeoutMs,
    source: 'server',
  });
  if (fired) ctx.emitter.enqueue(fired);
}

/** Keep an item's idle facts (for when the server sends the item later) and mark its row. */
function recordIdleItem(ctx: SessionContext, itemId: string, info: TranscriptIdleInfo): void {
  const { idleItems } = ctx;
  if (idleItems.size >= MAX_PENDING_IDLE_ITEMS && !idleItems.has(itemId)) {
    const oldest = idleItems.keys().next().value;
    if (oldest !== undefined) idleItems.delete(oldest);
  }
  idleItems.set(itemId, info);
  applyTranscript(ctx, markTranscriptIdle(readState(ctx).transcript, itemId, info), true);
}
