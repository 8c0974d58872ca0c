import type { ServerEvent } from '../../protocol/index.ts';
import { applyItem, applyTranscript, textDelta, textDone } from '../transcript/applyTranscript.ts';
import { countServerTimeout, countSilentCommit } from '../idle/serverTimeouts.ts';
import { readState, report, writeState, type SessionContext } from '../context/sessionContext.ts';
import { isOutOfBand, isOutOfBandResponseId, outOfBandDelta, outOfBandDone, outOfBandStarted } from '../responses/outOfBandResponses.ts';
import { outputItemDone, responseDone, responseStarted } from '../responses/responseLifecycle.ts';
import { serverPlayback, setSpeaking, stopEstimate } from '../playback/assistantPlayback.ts';
import { bytesPerMsOf } from '../playback/createPlaybackEstimator.ts';
import { markUserActive, reconfigureIdle } from '../idle/sessionIdle.ts';
import {
  applyMcpArguments,
  applyToolArguments,
  deleteTranscriptItem,
  markMcpCallOutcome,
  markTranscriptFailed,
  markTranscriptInterrupted,
} from '../transcript/transcriptReducer.ts';
import type { RealtimeError } from '../events/realtimeError.ts';
import { settleApproval, trackApprovalItem } from '../approvals/trackApprovals.ts';

/** Turn one validated server event into state changes and session events. */
export function handleServerEvent(ctx: SessionContext, event: ServerEvent): void {
  switch (event.type) {
    case 'response.output_audio.delta':
      // The most frequent event by far: only the playback estimate cares.
      if (ctx.playback === 'none') {
        const audioIds = { itemId: event.item_id, responseId: event.response_id };
        ctx.audioIds = audioIds;
        if (ctx.estimator.add(event.delta)) setSpeaking(ctx, true, 'audio_started', audioIds);
      }
      return;
    case 'response.output_audio_transcript.delta':
    case 'response.output_text.delta':
      // An out-of-band response's text is not the conversation's: it goes to its own event.
      if (outOfBandDelta(ctx, event.response_id, event.delta)) return;
      textDelta(ctx, event.item_id, 'assistant', event.delta);
      return;
    case 'conversation.item.input_audio_transcription.delta':
      if (event.delta) textDelta(ctx, event.item_id, 'user', event.delta);
      return;
    // Frequent events the session has nothing to do with, listed early: the cases of a switch
    // on strings are compared one after the other.
    case 'response.content_part.added':
    case 'response.content_part.done':
    case 'response.output_item.added':
    case 'response.output_audio.done':
    case 'rate_limits.updated':
      return;
    case 'response.output_item.done':
      // A beta server announces a response's approval request here (and maybe nowhere else).
      trackApprovalItem(ctx, event.item);
      outputItemDone(ctx, event.item);
      return;
    case 'response.output_audio_transcript.done':
      if (!isOutOfBandResponseId(ctx, event.response_id)) textDone(ctx, event.item_id, 'assistant', event.transcript);
      return;
    case 'response.output_text.done':
      if (!isOutOfBandResponseId(ctx, event.response_id)) textDone(ctx, event.item_id, 'assistant', event.text);
      return;
    case 'conversation.item.input_audio_transcription.completed':
      textDone(ctx, event.item_id, 'user', event.transcript, 'completed');
      return;
    case 'conversation.item.input_audio_transcription.failed': {
      const error: RealtimeError = {
        source: 'server',
        code: event.error.code ?? event.error.type ?? 'transcription_failed',
        message: event.error.message ?? 'Transcription failed',
        cause: event,
      };
      applyTranscript(ctx, markTranscriptFailed(readState(ctx).transcript, event.item_id, error), true);
      return;
    }
    case 'session.created':
    case 'session.updated':
      if (event.type === 'session.updated' && ctx.awaitingUpdates > 0) ctx.awaitingUpdates--;
      ctx.transcriptionOnly = event.session.type === 'transcription';
      writeState(ctx).session = event.session;
      ctx.estimator.setBytesPerMs(bytesPerMsOf(event.session));
      reconfigureIdle(ctx);
      ctx.emitter.enqueue({ type: 'session_updated', session: event.session });
      return;
    case 'transcription_session.created':
    case 'transcription_session.updated':
      ctx.transcriptionOnly = true;
      return;
    case 'input_audio_buffer.speech_started':
      ctx.speechSinceCommit = true;
      markUserActive(ctx);
      writeState(ctx).userSpeaking = true;
      // The user's turn leads: running client tools are aborted, their responses not followed up.
      if (ctx.tools !== null) ctx.tools.onInterrupt();
      ctx.emitter.enqueue({ type: 'speech_started', itemId: event.item_id, audioStartMs: event.audio_start_ms });
      return;
    case 'input_audio_buffer.speech_stopped':
      // The user's turn is over: the server commits it and answers (unless it only transcribes).
      if (!ctx.transcriptionOnly) ctx.responseDue = true;
      writeState(ctx).userSpeaking = false;
      ctx.emitter.enqueue({ type: 'speech_stopped', itemId: event.item_id, audioEndMs: event.audio_end_ms });
      return;
    case 'input_audio_buffer.timeout_triggered':
      countServerTimeout(ctx, event);
      return;
    case 'input_audio_buffer.committed':
      // The user's turn is over: the server's VAD or the app (push-to-talk) committed it, or an
      // idle timeout did (the server re-prompts by itself). A transcription-only session answers nobody.
      if (!ctx.transcriptionOnly) ctx.responseDue = true;
      countSilentCommit(ctx, event);
      return;
    case 'input_audio_buffer.cleared':
      ctx.speechSinceCommit = false;
      return;
    case 'conversation.item.added':
      applyItem(ctx, event.item, event.previous_item_id, 'in_progress');
      return;
    case 'conversation.item.done':
      applyItem(ctx, event.item, event.previous_item_id, 'completed');
      return;
    case 'conversation.item.retrieved':
      applyItem(ctx, event.item, undefined, 'completed');
      return;
    case 'conversation.item.deleted': {
      settleApproval(ctx, event.item_id);
      const transcript = deleteTranscriptItem(readState(ctx).transcript, event.item_id);
      if (transcript !== readState(ctx).transcript) {
        writeState(ctx).transcript = transcript;
        ctx.emitter.enqueue({ type: 'history_removed', itemId: event.item_id });
      }
      return;
    }
    case 'conversation.item.truncated':
      applyTranscript(ctx, markTranscriptInterrupted(readState(ctx).transcript, event.item_id), true);
      stopEstimate(ctx);
      return;
    case 'response.created': {
      const { response } = event;
      if (typeof response.id === 'string' && isOutOfBand(response)) outOfBandStarted(ctx, response.id, response);
      else responseStarted(ctx, response.id ?? undefined);
      return;
    }
    case 'response.done': {
      const { response } = event;
      const id = response.id ?? undefined;
      if (id !== undefined && (isOutOfBandResponseId(ctx, id) || isOutOfBand(response))) {
        outOfBandDone(ctx, id, response, response.output ?? []);
        return;
      }
      responseDone(ctx, id, response.status ?? 'completed', response.status_details?.reason ?? undefined, response.output ?? []);
      return;
    }
    case 'response.mcp_call_arguments.delta':
    case 'response.mcp_call_arguments.done':
      if (isOutOfBandResponseId(ctx, event.response_id)) return;
      applyTranscript(
        ctx,
        event.type === 'response.mcp_call_arguments.delta'
          ? applyMcpArguments(readState(ctx).transcript, event.item_id, event.delta, false)
          : applyMcpArguments(readState(ctx).transcript, event.item_id, event.arguments, true),
        event.type === 'response.mcp_call_arguments.done',
      );
      return;
    case 'response.mcp_call.completed':
    case 'response.mcp_call.failed':
      applyTranscript(ctx, markMcpCallOutcome(readState(ctx).transcript, event.item_id, event.type === 'response.mcp_call.failed'), true);
      return;
    case 'response.function_call_arguments.delta':
      if (isOutOfBandResponseId(ctx, event.response_id)) return;
      applyTranscript(
        ctx,
        applyToolArguments(readState(ctx).transcript, event.item_id, event.call_id, undefined, event.delta, false),
        false,
      );
      return;
    case 'response.function_call_arguments.done': {
      // An out-of-band response's calls are read from its `out_of_band_response` event.
      if (isOutOfBandResponseId(ctx, event.response_id)) return;
      const update = applyToolArguments(readState(ctx).transcript, event.item_id, event.call_id, event.name ?? undefined, event.arguments, true);
      applyTranscript(ctx, update, true);
      ctx.pendingTools.add(event.call_id);
      const call = {
        type: 'tool_call',
        callId: event.call_id,
        // Without a name on the event, the one its item was added with.
        name: update.item.tool?.name ?? '',
        arguments: event.arguments,
        itemId: event.item_id,
        responseId: event.response_id,
      } as const;
      ctx.emitter.enqueue(call);
      // The event holds what a client tool runtime needs to run the call.
      if (ctx.tools !== null) ctx.tools.onCall(call);
      return;
    }
    case 'output_audio_buffer.started':
    case 'output_audio_buffer.stopped':
    case 'output_audio_buffer.cleared':
      serverPlayback(ctx, event.type, event.response_id);
      return;
    case 'error': {
      const { error } = event;
      if (ctx.awaitingUpdates > 0 && typeof error.event_id === 'string' && error.event_id.startsWith('rrk_update_')) {
        ctx.awaitingUpdates--;
        reconfigureIdle(ctx);
      } else {
        // The response the session waits for may never come (a refused response.create...).
        ctx.responseDue = ctx.responseRequested = false;
      }
      // The server refused a commit the app sent: no `committed` will answer it.
      if (error.code === 'input_audio_buffer_commit_empty' && ctx.clientCommits > 0) ctx.clientCommits--;
      report(ctx, 'server', error.code ?? error.type, error.message, event, true);
      return;
    }
    default:
      return;
  }
}
