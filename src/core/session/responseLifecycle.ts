import { applyTranscript } from './applyTranscript.ts';
import { readState, writeState, type SessionContext } from './createSessionContext.ts';
import { stopEstimate } from './setSpeaking.ts';
import { markTranscriptCutShort, markTranscriptInterrupted } from './transcriptReducer.ts';

/** A response started: the idle clock is paused until it is done. */
export function responseStarted(ctx: SessionContext, responseId: string | undefined): void {
  writeState(ctx).responding = true;
  // A new response means the app has answered any tool call it was running.
  ctx.pendingTools.clear();
  ctx.emitter.enqueue({ type: 'response_started', responseId: responseId ?? '' });
}

/**
 * A response ended: the idle clock may start. Takes the few fields it reads rather than the
 * event, so that a `response.done` that failed validation can still end the response
 * (see salvageLifecycle.ts).
 */
export function responseDone(
  ctx: SessionContext,
  responseId: string | undefined,
  status: string,
  reason: string | undefined,
  output: readonly { id?: unknown; status?: unknown }[],
): void {
  writeState(ctx).responding = false;
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
  ctx.emitter.enqueue({ type: 'response_done', responseId: responseId ?? '', status, ...(reason !== undefined ? { reason } : {}) });
}
