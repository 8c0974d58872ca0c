import { connectSession, disconnectSession, shutDown } from './connection/connectSession.ts';
import { createIdleController } from './idle/createIdleController.ts';
import { createPlaybackEstimator } from './playback/createPlaybackEstimator.ts';
import { createSessionActions } from './createSessionActions.ts';
import { createSessionContext, readState, type SessionContext } from './context/sessionContext.ts';
import { idleGraceElapsed } from './idle/idleMachine.ts';
import { runTransaction } from './context/transaction.ts';
import { setSpeaking } from './playback/assistantPlayback.ts';
import { setMicrophoneDevice } from './media/microphoneDevice.ts';
import { openAudioLevels } from './media/openAudioLevels.ts';
import { idleMachineConfig } from './idle/sessionIdle.ts';
import { registerTool } from './tools/registerTool.ts';
import { respondToApproval } from './approvals/respondToApproval.ts';
import type { SessionEvent, SessionEventSelector } from './events/sessionEventTypes.ts';
import type { CreateRealtimeSessionOptions, RealtimeSession, RealtimeSessionWithEvents } from './sessionTypes.ts';
import type { CustomServerEventSchemas } from './events/customServerEventTypes.ts';

/**
 * Create a Realtime session: it owns a transport, turns wire events into typed session events
 * and an immutable state snapshot, and runs the idle policy.
 *
 * Nothing thrown in the event path reaches the transport or the caller: bad wire data,
 * throwing handlers and failed sends become `error` events. Only a config mistake in the
 * options throws (`RealtimeConfigError`, at creation), and `connect()`'s promise rejects when
 * the connection fails.
 *
 * @example
 * ```ts
 * const session = createRealtimeSession({
 *   transport: createOpenAIWebRTCTransport({ getClientSecret: () => fetchKey() }),
 *   config: { type: 'realtime', instructions: 'Be brief.' },
 *   idle: { timeoutMs: 8000, maxTimeouts: 2 },
 * });
 * session.on('input_audio_timeout_triggered', (event) => console.log(event.source, event.count));
 * session.subscribe((state) => render(state.idle.phase));
 * await session.connect();
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}`: no custom server events
export function createRealtimeSession<M extends CustomServerEventSchemas = {}>(
  options: CreateRealtimeSessionOptions<M>,
): RealtimeSessionWithEvents<M> {
  // Throws RealtimeConfigError for a developer mistake, before anything runs.
  const ctx = createSessionContext(options);
  ctx.idle = createIdleController({
    clock: ctx.clock,
    config: idleMachineConfig(ctx),
    onClientDue: () =>
      runTransaction(ctx, () => {
        const fired = ctx.idle.timeout({ source: 'client' });
        if (fired) ctx.emitter.enqueue(fired);
      }),
    onGraceEnd: () =>
      runTransaction(ctx, () => {
        const before = ctx.idle.state;
        ctx.idle.apply(idleGraceElapsed);
        // Only the countdown of the live connection ends it; never a reconnect in flight.
        const endedNow = ctx.idle.state !== before && ctx.idle.state.ended;
        if (endedNow && readState(ctx).status === 'connected') shutDown(ctx, 'disconnected', undefined, true);
      }),
  });
  ctx.estimator = createPlaybackEstimator(ctx.clock, () =>
    runTransaction(ctx, () => setSpeaking(ctx, false, 'audio_stopped', ctx.audioIds)),
  );

  const session: RealtimeSession = {
    connect: () => connectSession(ctx),
    disconnect: () => disconnectSession(ctx),
    getState: ctx.store.getState,
    subscribe: ctx.store.subscribe,
    // Registered wire types are plain event names to the emitter; the types are on RealtimeSession.
    on: ((type: SessionEventSelector | readonly SessionEventSelector[], handler: (event: SessionEvent) => void) =>
      listen(ctx, type, handler)) as RealtimeSession['on'],
    ...createSessionActions(ctx),
    getIdlePolicy: () => ({ ...ctx.policy }),
    setMicrophoneDevice: (deviceId) => setMicrophoneDevice(ctx, deviceId),
    openAudioLevels: (options) => openAudioLevels(ctx, options),
    registerTool: (tool) => registerTool(ctx, session, tool),
    respondToApproval: (id, approve, reason) => respondToApproval(ctx, id, approve, reason),
    clock: ctx.clock,
  };
  for (const tool of options.tools ?? []) session.registerTool(tool);
  return session as RealtimeSessionWithEvents<M>;
}

/** Subscribe to session events, keeping the context's cached "does anyone listen" flags current. */
function listen(
  ctx: SessionContext,
  type: SessionEventSelector | readonly SessionEventSelector[],
  handler: (event: SessionEvent) => void,
): () => void {
  const off = ctx.emitter.on(type, handler);
  refreshWants(ctx);
  return () => {
    off();
    refreshWants(ctx);
  };
}

function refreshWants(ctx: SessionContext): void {
  ctx.wantsServerEvents = ctx.emitter.wants('server_event');
  ctx.wantsDeltas = ctx.emitter.wants('transcript_delta');
}
