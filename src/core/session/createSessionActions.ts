import { parseClientEvent, type ClientEvent } from '../protocol/index.ts';
import { errorMessage, readState, report, send, writeState, type SessionContext } from './context/sessionContext.ts';
import { runTransaction } from './context/transaction.ts';
import { setSpeaking } from './playback/assistantPlayback.ts';
import { markUserActive } from './idle/sessionIdle.ts';
import { toolCallAnswered } from './transcript/applyTranscript.ts';
import { applySessionPatch, setIdlePolicy, updateSessionConfig } from './config/sessionConfigSync.ts';
import type { RealtimeSession } from './sessionTypes.ts';

/** The session's actions for the app, each one transaction. */
export type SessionActions = Pick<
  RealtimeSession,
  'sendText' | 'sendEvent' | 'updateSession' | 'interrupt' | 'setMuted' | 'stillHere' | 'setIdlePolicy'
>;

export function createSessionActions(ctx: SessionContext): SessionActions {
  function sendText(text: string): void {
    runTransaction(ctx, () => {
      const created = send(ctx, {
        type: 'conversation.item.create',
        item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
      });
      if (!created) return;
      if (readState(ctx).responding || ctx.responseRequested) {
        // The server would refuse a second active response (conversation_already_has_active_response),
        // one asked for and not started yet included: ask for the answer when it is done (see
        // responseDone). Out-of-band responses never set `responding`, so they do not hold the text back.
        ctx.responseCreateDeferred = true;
        ctx.responseDue = true;
      } else if (send(ctx, { type: 'response.create' })) ctx.responseDue = ctx.responseRequested = true;
      markUserActive(ctx);
    });
  }

  function sendEvent(event: ClientEvent): void {
    runTransaction(ctx, () => {
      const result = parseClientEvent(event);
      if (!result.ok) {
        report(ctx, 'config', 'invalid_client_event', `Not sent: ${result.message}`, event);
        return;
      }
      const valid = result.event;
      if (valid.type === 'session.update') {
        // Same rules as updateSession, so the idle policy and the server never disagree.
        applySessionPatch(ctx, valid.session);
        return;
      }
      if (!send(ctx, valid)) return;
      if (valid.type === 'input_audio_buffer.commit') ctx.clientCommits++;
      else if (valid.type === 'conversation.item.create') {
        const item = valid.item;
        if (item.type === 'message' && item.role === 'user') markUserActive(ctx);
        else if (item.type === 'function_call_output') {
          toolCallAnswered(ctx, item.call_id, item.output);
          // The tool's answer is in: the app asks for the response that reads it next (with
          // client tools, the runtime does once the calling response's calls are all answered).
          ctx.responseDue = true;
          if (ctx.tools !== null) ctx.tools.onOutputSent(item.call_id);
        }
      }
    });
  }

  function interrupt(): void {
    runTransaction(ctx, () => {
      const s = readState(ctx);
      if (s.status !== 'connected') return;
      // Running client tools are aborted: the user's turn leads.
      if (ctx.tools !== null) ctx.tools.onInterrupt();
      const active = s.assistantSpeaking || s.responding;
      const { transport } = ctx;
      if (transport.interrupt) {
        try {
          transport.interrupt();
        } catch (cause) {
          report(ctx, 'transport', 'interrupt_failed', errorMessage(cause), cause);
        }
      } else {
        if (s.responding) send(ctx, { type: 'response.cancel' });
        if (ctx.playback === 'server' && s.assistantSpeaking) send(ctx, { type: 'output_audio_buffer.clear' });
      }
      ctx.estimator.stop();
      if (!active) return;
      if (s.assistantSpeaking) setSpeaking(ctx, false, 'audio_interrupted', ctx.audioIds);
      else ctx.emitter.enqueue({ type: 'audio_interrupted', ...ctx.audioIds });
    });
  }

  function setMuted(muted: boolean): void {
    runTransaction(ctx, () => {
      if (readState(ctx).muted === muted) return;
      try {
        ctx.transport.setMuted?.(muted);
      } catch (cause) {
        report(ctx, 'transport', 'mute_failed', errorMessage(cause), cause);
        return;
      }
      writeState(ctx).muted = muted;
      ctx.emitter.enqueue({ type: 'muted_changed', muted });
    });
  }

  function stillHere(): void {
    runTransaction(ctx, () => {
      markUserActive(ctx);
      // Reset the server's idle clock too, so its next timeout lines up with ours.
      const s = readState(ctx);
      if (s.status === 'connected' && ctx.idle.state.server && !s.userSpeaking) {
        send(ctx, { type: 'input_audio_buffer.clear' });
      }
    });
  }

  return {
    sendText,
    sendEvent,
    updateSession: (patch) => runTransaction(ctx, () => updateSessionConfig(ctx, patch)),
    interrupt,
    setMuted,
    stillHere,
    setIdlePolicy: (patch) => runTransaction(ctx, () => setIdlePolicy(ctx, patch)),
  };
}
