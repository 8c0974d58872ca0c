import type { TransportCloseInfo } from '../../transport/RealtimeTransport.ts';
import { startTranscriptConversation } from '../transcript/createTranscriptState.ts';
import { errorMessage, readState, report, setStatus, writeState, type SessionContext } from '../context/sessionContext.ts';
import { receiveMessage } from '../wireEvents/receiveMessage.ts';
import { idleConnected } from '../idle/idleMachine.ts';
import { forgetOutOfBand } from '../responses/outOfBandResponses.ts';
import { settleStreamingRows } from '../responses/responseLifecycle.ts';
import { runTransaction } from '../context/transaction.ts';
import { applyPlaybackEvent } from '../playback/assistantPlayback.ts';
import { initialConfig, sendSessionUpdate } from '../config/sessionConfigSync.ts';
import type { RealtimeError } from '../events/realtimeError.ts';

/** `session.connect()`: one attempt at a time; a second call returns the running one. */
export function connectSession(ctx: SessionContext): Promise<void> {
  if (ctx.connection) return ctx.connection;
  const controller = new AbortController();
  ctx.abort = controller;
  attach(ctx);
  runTransaction(ctx, () => {
    if (readState(ctx).error) writeState(ctx).error = null;
    // The transcript keeps earlier connections' rows; this one is a new server conversation,
    // whose first item (previous_item_id null) must follow them, not go to the top.
    const transcript = startTranscriptConversation(readState(ctx).transcript);
    if (transcript !== readState(ctx).transcript) writeState(ctx).transcript = transcript;
    setStatus(ctx, 'connecting');
  });
  const attempt = (async () => {
    try {
      await ctx.transport.connect({ signal: controller.signal });
    } catch (cause) {
      if (controller.signal.aborted) return;
      runTransaction(ctx, () => {
        const error = report(ctx, 'transport', 'connect_failed', `Could not connect: ${errorMessage(cause)}`, cause, true);
        ctx.abort = null;
        ctx.connection = null;
        detach(ctx);
        setStatus(ctx, 'error', error);
      });
      throw cause;
    }
    if (controller.signal.aborted) return;
    runTransaction(ctx, () => {
      setStatus(ctx, 'connected');
      ctx.idle.apply((s, now) => idleConnected(s, true, now));
      const initial = initialConfig(ctx);
      if (initial !== undefined) sendSessionUpdate(ctx, initial, true);
    });
  })();
  ctx.connection = attempt;
  return attempt;
}

/** `session.disconnect()`: ends a connection, or aborts an attempt that is still running. */
export function disconnectSession(ctx: SessionContext): void {
  const status = readState(ctx).status;
  if (status !== 'connecting' && status !== 'connected') {
    ctx.abort?.abort();
    return;
  }
  runTransaction(ctx, () => shutDown(ctx, 'disconnected', undefined, true));
}

/** Leave the connected state. `closeTransport`: we end it (not the transport telling us). */
export function shutDown(
  ctx: SessionContext,
  status: 'disconnected' | 'error',
  error: RealtimeError | undefined,
  closeTransport: boolean,
): void {
  ctx.abort?.abort();
  ctx.abort = null;
  ctx.connection = null;
  detach(ctx);
  if (closeTransport) {
    try {
      ctx.transport.close();
    } catch (cause) {
      report(ctx, 'transport', 'close_failed', errorMessage(cause), cause);
    }
  }
  ctx.estimator.stop();
  // Running client tools are aborted; nothing of theirs reaches the next connection.
  if (ctx.tools !== null) ctx.tools.onDisconnect();
  ctx.pendingTools.clear();
  ctx.awaitingUpdates = 0;
  // A new connection has a new input buffer: what the old one held says nothing about it.
  ctx.speechSinceCommit = false;
  ctx.clientCommits = 0;
  ctx.responseDue = false;
  // The next connection's server says again what kind of session it opened.
  ctx.transcriptionOnly = false;
  // Text sent to the old connection is not answered on a new one.
  ctx.responseCreateDeferred = ctx.responseRequested = false;
  const d = writeState(ctx);
  // Approval requests belong to the conversation that ended: nobody can answer them now.
  ctx.approvalIds.clear();
  if (d.approvals.length) d.approvals = [];
  d.userSpeaking = false;
  d.assistantSpeaking = false;
  d.responding = false;
  // Rows the connection left streaming will never finish: end them (as `incomplete`).
  settleStreamingRows(ctx);
  forgetOutOfBand(ctx);
  setStatus(ctx, status, error);
  ctx.idle.apply((s, now) => idleConnected(s, false, now));
}

function attach(ctx: SessionContext): void {
  detach(ctx);
  const { transport } = ctx;
  ctx.unsubscribers = [
    transport.on('message', (data) => receiveMessage(ctx, data)),
    transport.on('close', (info) => onClose(ctx, info)),
    transport.on('playback', (event) => runTransaction(ctx, () => applyPlaybackEvent(ctx, event))),
  ];
}

function detach(ctx: SessionContext): void {
  for (const unsubscribe of ctx.unsubscribers) unsubscribe();
  ctx.unsubscribers = [];
}

function onClose(ctx: SessionContext, info: TransportCloseInfo): void {
  runTransaction(ctx, () => {
    if (info.error) {
      const error = report(ctx, 'transport', info.reason ?? 'connection_lost', errorMessage(info.error), info.error, true);
      shutDown(ctx, 'error', error, false);
    } else {
      shutDown(ctx, 'disconnected', undefined, false);
    }
  });
}
