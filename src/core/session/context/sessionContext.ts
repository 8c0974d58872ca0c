import { getTurnDetection, validateSessionConfig, type ClientEvent, type SessionConfig } from '../../protocol/index.ts';
import type { PlaybackReporting, RealtimeTransport } from '../../transport/RealtimeTransport.ts';
import { systemClock, type Clock } from '../clock.ts';
import { createEmitter, type Emitter } from '../events/createEmitter.ts';
import type { IdleController } from '../idle/createIdleController.ts';
import type { PlaybackEstimator } from '../playback/createPlaybackEstimator.ts';
import { createStore, type Store } from './createStore.ts';
import { createTranscriptState } from '../transcript/createTranscriptState.ts';
import type { IdleMachineState } from '../idle/idleMachine.ts';
import { DEFAULT_IDLE_POLICY, resolveIdlePolicy } from '../idle/resolveIdlePolicy.ts';
import type { ConnectionStatus } from '../connection/connectionStatus.ts';
import type { RealtimeError, RealtimeErrorSource } from '../events/realtimeError.ts';
import type { SessionEvent } from '../events/sessionEventTypes.ts';
import type { IdlePolicy } from '../idle/idleTypes.ts';
import type { CreateRealtimeSessionOptions, SessionState } from '../sessionTypes.ts';
import type { TranscriptIdleInfo } from '../transcript/transcriptTypes.ts';
import type { ToolRuntime, UnknownToolCalls } from '../tools/toolTypes.ts';
import type { CustomServerEvents } from '../events/customServerEventTypes.ts';

// The one place the session's parts import their shared context from. It is built from the
// parts' own state (idle machine, playback estimate, transcript, store, emitter) and imports
// none of the files that read or write it, so nothing here points back up at them.

/** What the session keeps of a running out-of-band response until its `response.done`. */
export interface OutOfBandDraft {
  metadata: Readonly<Record<string, unknown>> | null;
  /** The streamed text deltas, the fallback when `response.done` carries no text. */
  text: string;
}

/**
 * Everything one session shares between its parts (wire router, connection, config sync,
 * actions). One plain object built by a single literal, so its shape never changes and every
 * read on the hot path is a monomorphic property load.
 */
export interface SessionContext {
  readonly transport: RealtimeTransport;
  readonly clock: Clock;
  readonly store: Store<SessionState>;
  readonly emitter: Emitter<SessionEvent>;

  // ---- transaction: every change goes through runTransaction(); state is committed, then events flow.
  /** The state changed by the running transaction, copied on its first write; null when untouched. */
  draft: SessionState | null;
  /** Nesting of running transactions: only the outermost one commits. */
  depth: number;
  // Whether anyone listens to the events built per message, asked once per message: kept up to
  // date when handlers come and go rather than looked up each time.
  wantsServerEvents: boolean;
  wantsDeltas: boolean;

  // ---- configuration
  /** The session config we asked for (validated patches merged). */
  desired: SessionConfig | undefined;
  policy: IdlePolicy;
  /** Our `session.update`s the server has not answered yet: until then its reports are stale. */
  awaitingUpdates: number;
  updateCounter: number;

  // ---- idle policy
  /** Created by createRealtimeSession right after the context: its timers call back into the session. */
  idle: IdleController;
  // What the last syncIdle() saw. While all three still hold, syncing again would change
  // nothing: the machine already knows `busy`, and the view already reflects the machine.
  syncedIdle: IdleMachineState | null;
  syncedBusy: boolean;
  syncedView: SessionState['idle'] | null;
  readonly pendingTools: Set<string>;
  readonly idleItems: Map<string, TranscriptIdleInfo>;
  /** Silent commits counted as server timeouts before (or without) their `timeout_triggered`. */
  readonly inferredItems: Set<string>;
  speechSinceCommit: boolean;
  /** `input_audio_buffer.commit`s the app sent: their commits are not silences. */
  clientCommits: number;

  /**
   * The user's turn is over (speech stopped, audio committed, text or a tool's output sent)
   * and no conversation response has started yet: the agent thinks (see deriveAgentState).
   */
  responseDue: boolean;
  /**
   * The server opened a transcription-only session (`transcription_session.*`, or a session of
   * `type` "transcription"): it answers nobody, so the user's turn makes no response due.
   */
  transcriptionOnly: boolean;
  /**
   * `sendText` added the user's message while a conversation response ran: the server refuses
   * a second active response, so its `response.create` waits for that response's done.
   */
  responseCreateDeferred: boolean;
  /**
   * The kit sent a `response.create` whose response has not started yet: to the server that
   * response is already active, so another `response.create` would be refused until it is done.
   */
  responseRequested: boolean;

  // ---- client tools: the runtime is attached by the first tool registered (see tools/toolTypes.ts)
  tools: ToolRuntime | null;
  readonly unknownToolCalls: UnknownToolCalls;
  /** Approval requests of this conversation seen or answered: none becomes pending twice. */
  readonly approvalIds: Set<string>;

  // ---- server events the app taught the kit (`defineServerEvents`), carrying their own validator
  readonly serverEvents: CustomServerEvents | undefined;

  // ---- responses outside the conversation (`conversation: "none"`), by response id, until done
  readonly outOfBand: Map<string, OutOfBandDraft>;

  // ---- playback
  playback: PlaybackReporting;
  audioIds: { itemId?: string; responseId?: string };
  /** Created by createRealtimeSession right after the context: its timer calls back into the session. */
  estimator: PlaybackEstimator;

  // ---- connection
  connection: Promise<void> | null;
  abort: AbortController | null;
  unsubscribers: (() => void)[];
}

export function errorMessage(cause: unknown): string {
  try {
    return cause instanceof Error ? cause.message : String(cause);
  } catch {
    return 'unknown error';
  }
}

/**
 * Build a session's context from its options. Throws `RealtimeConfigError` for a config
 * mistake, before anything runs. `idle` and `estimator` are left for the caller to set.
 */
export function createSessionContext(options: CreateRealtimeSessionOptions): SessionContext {
  const desired: SessionConfig | undefined = options.config === undefined ? undefined : validateSessionConfig(options.config);
  const configTurnDetection = getTurnDetection(desired);
  const configTimeout =
    configTurnDetection?.type === 'server_vad' ? configTurnDetection.idle_timeout_ms : undefined;
  // `idle` goes in as given, so a value that is not a policy object is an error, not ignored.
  const policy: IdlePolicy = resolveIdlePolicy(
    options.idle,
    configTimeout != null ? { ...DEFAULT_IDLE_POLICY, timeoutMs: configTimeout } : DEFAULT_IDLE_POLICY,
  );

  const emitter = createEmitter<SessionEvent>((cause) => ({
    type: 'error',
    error: { source: 'handler', code: 'handler_error', message: `A session event handler threw: ${errorMessage(cause)}`, cause },
  }));
  const store = createStore<SessionState>(
    {
      status: 'idle',
      error: null,
      session: null,
      transcript: createTranscriptState(),
      idle: { phase: 'off', timeouts: 0, last: null, deadline: null, endsAt: null, timeoutMs: policy.timeoutMs },
      userSpeaking: false,
      assistantSpeaking: false,
      responding: false,
      muted: false,
      microphoneDeviceId: null,
      agentState: 'disconnected',
      approvals: [],
    },
    (cause) => {
      emitter.enqueue({
        type: 'error',
        error: { source: 'handler', code: 'listener_error', message: `A state listener threw: ${errorMessage(cause)}`, cause },
      });
    },
  );

  const { transport } = options;
  return {
    transport,
    clock: options.clock ?? systemClock,
    store,
    emitter,
    draft: null,
    depth: 0,
    wantsServerEvents: false,
    wantsDeltas: false,
    desired,
    policy,
    awaitingUpdates: 0,
    updateCounter: 0,
    idle: null as unknown as IdleController,
    syncedIdle: null,
    syncedBusy: false,
    syncedView: null,
    pendingTools: new Set<string>(),
    idleItems: new Map<string, TranscriptIdleInfo>(),
    inferredItems: new Set<string>(),
    speechSinceCommit: false,
    clientCommits: 0,
    responseDue: false,
    transcriptionOnly: false,
    responseCreateDeferred: false,
    responseRequested: false,
    tools: null,
    unknownToolCalls: options.unknownToolCalls ?? (transport.answersToolCalls === true ? 'app' : 'error'),
    approvalIds: new Set<string>(),
    serverEvents: options.serverEvents,
    outOfBand: new Map<string, OutOfBandDraft>(),
    playback: transport.playbackReporting ?? 'none',
    audioIds: {},
    estimator: null as unknown as PlaybackEstimator,
    connection: null,
    abort: null,
    unsubscribers: [],
  };
}

/**
 * A shallow copy of the state, field by field: it runs for most messages, and V8 builds a
 * literal of known shape several times faster than it spreads an object. TypeScript checks
 * that no field is missing.
 */
function copyState(s: SessionState): SessionState {
  return {
    status: s.status,
    error: s.error,
    session: s.session,
    transcript: s.transcript,
    idle: s.idle,
    userSpeaking: s.userSpeaking,
    assistantSpeaking: s.assistantSpeaking,
    responding: s.responding,
    muted: s.muted,
    microphoneDeviceId: s.microphoneDeviceId,
    agentState: s.agentState,
    approvals: s.approvals,
  };
}

/** The state as the running transaction sees it. */
export function readState(ctx: SessionContext): SessionState {
  return ctx.draft ?? ctx.store.getState();
}

/** The running transaction's draft, to change in place (copied from the state on first use). */
export function writeState(ctx: SessionContext): SessionState {
  return (ctx.draft ??= copyState(ctx.store.getState()));
}

/** Queue an `error` event; `keep` also stores it as `state.error`. */
export function report(
  ctx: SessionContext,
  source: RealtimeErrorSource,
  code: string,
  message: string,
  cause?: unknown,
  keep = false,
): RealtimeError {
  const error: RealtimeError = { source, code, message, ...(cause !== undefined ? { cause } : {}) };
  if (keep) writeState(ctx).error = error;
  ctx.emitter.enqueue({ type: 'error', error });
  return error;
}

export function setStatus(ctx: SessionContext, status: ConnectionStatus, error?: RealtimeError): void {
  const previous = readState(ctx).status;
  if (previous === status) return;
  writeState(ctx).status = status;
  ctx.emitter.enqueue({ type: 'status_changed', status, previous, ...(error ? { error } : {}) });
}

/** Send a client event if connected; a failure becomes an `error` event and `false`. */
export function send(ctx: SessionContext, event: ClientEvent): boolean {
  if (readState(ctx).status !== 'connected') {
    report(ctx, 'transport', 'not_connected', `Cannot send "${event.type}": the session is not connected.`);
    return false;
  }
  try {
    ctx.transport.send(event);
    return true;
  } catch (cause) {
    report(ctx, 'transport', 'send_failed', `Sending "${event.type}" failed: ${errorMessage(cause)}`, cause, true);
    return false;
  }
}
