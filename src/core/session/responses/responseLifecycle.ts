import type { ConversationItem } from '../../protocol/index.ts';
import { applyTranscript } from '../transcript/applyTranscript.ts';
import { readState, send, writeState, type SessionContext } from '../context/sessionContext.ts';
import { stopEstimate } from '../playback/assistantPlayback.ts';
import {
  markTranscriptCutShort,
  markTranscriptInterrupted,
  settleTranscriptItem,
  settleTranscriptItemWith,
  withToolState,
} from '../transcript/transcriptReducer.ts';

/** A response started: the idle clock is paused until it is done. */
export function responseStarted(ctx: SessionContext, responseId: string | undefined): void {
  writeState(ctx).responding = true;
  ctx.responseDue = ctx.responseRequested = false;
  // A new response means the app has answered any tool call it was running (client tools the
  // runtime runs are the exception: they run on).
  if (ctx.tools === null) ctx.pendingTools.clear();
  else ctx.tools.onResponseStarted();
  ctx.emitter.enqueue({ type: 'response_started', responseId: responseId ?? '' });
}

/**
 * `response.output_item.done`: beta servers never send `conversation.item.done`, so this (or
 * `response.done`) is what ends their rows. A GA server's `conversation.item.done` came first and
 * ended the row already: then this is one lookup and nothing else. A remote MCP call is the
 * exception: `response.mcp_call.completed/.failed` end its row first, and this item is where
 * the official guide says its output (or its error) arrives, so it is merged in all the same.
 */
export function outputItemDone(ctx: SessionContext, item: ConversationItem): void {
  const id = item.id;
  if (typeof id !== 'string') return;
  const status = readState(ctx).transcript.get(id)?.status;
  if (status === undefined || (status !== 'in_progress' && item.type !== 'mcp_call')) return;
  applyTranscript(ctx, settleTranscriptItemWith(readState(ctx).transcript, item), true);
}

/**
 * A response ended: the idle clock may start. Takes the few fields it reads rather than the
 * event, so that a `response.done` that failed validation can still end the response
 * (see ../wireEvents/salvageLifecycle.ts).
 */
export function responseDone(
  ctx: SessionContext,
  responseId: string | undefined,
  status: string,
  reason: string | undefined,
  output: readonly { id?: unknown; status?: unknown; type?: unknown; call_id?: unknown }[],
): void {
  // Its `response.created` was missed (a real capture: a failed response reports only its
  // done): that was the answer due. Not otherwise: with `interrupt_response: false` the user's
  // next turn can be committed before this response is done, and that turn is still due.
  if (!readState(ctx).responding) ctx.responseDue = ctx.responseRequested = false;
  writeState(ctx).responding = false;
  if (status === 'failed' || status === 'incomplete' || status === 'cancelled') {
    // A call the response never finished will get no output from the app: stop waiting for it.
    for (const item of output) {
      if (item.type === 'function_call' && item.status !== 'completed' && typeof item.call_id === 'string') {
        ctx.pendingTools.delete(item.call_id);
      }
    }
  }
  if (status === 'cancelled') {
    for (const item of output) {
      if (typeof item.id === 'string' && item.status !== 'completed') {
        applyTranscript(ctx, markTranscriptInterrupted(readState(ctx).transcript, item.id), true);
      }
    }
    stopEstimate(ctx);
  } else if (status === 'incomplete') {
    // Cut short by the server (token limit, content filter): nobody interrupted these items.
    for (const item of output) {
      if (typeof item.id === 'string' && item.status === 'incomplete') {
        applyTranscript(ctx, markTranscriptCutShort(readState(ctx).transcript, item.id), true);
      }
    }
  }
  // Rows no `item.done` ended (a beta server that sent no `output_item.done` either): the
  // response is over, so are they.
  for (const item of output) {
    if (typeof item.id !== 'string') continue;
    const completed = item.status === 'completed' || (item.status == null && status === 'completed');
    const end = completed ? 'completed' : status === 'cancelled' ? 'interrupted' : 'incomplete';
    applyTranscript(ctx, settleTranscriptItem(readState(ctx).transcript, item.id, end), true);
  }
  ctx.emitter.enqueue({ type: 'response_done', responseId: responseId ?? '', status, ...(reason !== undefined ? { reason } : {}) });
  // Client tools: the response that called them is done; its follow-up may go now (once).
  if (ctx.tools !== null) ctx.tools.onResponseDone(responseId ?? '', status, output);
  if (ctx.responseCreateDeferred) {
    // Text the user sent while this response ran: its answer can be asked for now, once.
    ctx.responseCreateDeferred = false;
    ctx.responseDue = ctx.responseRequested = send(ctx, { type: 'response.create' });
  }
}

/**
 * The connection ended: whatever was still streaming will never finish. Each such row ends as
 * `incomplete` (cut short, nobody interrupted it), so no caret or `aria-busy` outlives its
 * connection. So does a user's message still waiting for its transcript (input transcription
 * on, no text yet): the transcript was the connection's to send, and a UI would otherwise say
 * "Transcribing…" for good. O(n) once per connection end.
 */
export function settleStreamingRows(ctx: SessionContext): void {
  const { items } = readState(ctx).transcript;
  const transcribing = readState(ctx).session?.audio?.input?.transcription != null;
  for (const item of items) {
    if (item.status === 'in_progress') {
      applyTranscript(ctx, settleTranscriptItem(readState(ctx).transcript, item.id, 'incomplete'), true);
    } else if (transcribing && item.status === 'completed' && item.role === 'user' && item.kind === 'message' && item.text === '') {
      applyTranscript(ctx, markTranscriptCutShort(readState(ctx).transcript, item.id), true);
    } else if (item.tool?.state === 'running') {
      // A call nobody answered (the app's own: the runtime settled its calls already) never will be.
      applyTranscript(ctx, withToolState(readState(ctx).transcript, item, 'failed'), true);
    }
  }
}
