import {
  getTurnDetection,
  parseClientEvent,
  parseServerEvent,
  validateSessionConfig,
  withIdleTimeout,
  type ClientEvent,
  type ConversationItem,
  type ServerEvent,
  type ServerEventOf,
  type SessionConfig,
  type TurnDetection,
} from '../protocol/index.ts';
import type { PlaybackEvent, PlaybackReporting, TransportCloseInfo } from '../transports/types.ts';
import { systemClock } from './clock.ts';
import { createEmitter } from './createEmitter.ts';
import { createIdleController } from './createIdleController.ts';
import { createPlaybackEstimator, PCM16_24K_BYTES_PER_MS } from './createPlaybackEstimator.ts';
import { createStore } from './createStore.ts';
import { createTranscriptState } from './createTranscriptState.ts';
import {
  idleBusy,
  idleConfigure,
  idleConnected,
  idleGraceElapsed,
  idleUserActive,
  idleView,
  type IdleMachineConfig,
  type IdleMachineState,
} from './idleMachine.ts';
import { mergeSessionConfig } from './mergeSessionConfig.ts';
import { resolveIdlePolicy } from './resolveIdlePolicy.ts';
import {
  appendTranscriptDelta,
  applyConversationItem,
  applyToolArguments,
  deleteTranscriptItem,
  markTranscriptFailed,
  markTranscriptIdle,
  markTranscriptInterrupted,
  setTranscriptText,
  type TranscriptUpdate,
} from './transcriptReducer.ts';
import type {
  ConnectionStatus,
  CreateRealtimeSessionOptions,
  IdlePolicy,
  RealtimeError,
  RealtimeErrorSource,
  RealtimeSession,
  SessionEvent,
  SessionState,
  TranscriptIdleInfo,
  TranscriptItemStatus,
  UnknownServerEvent,
} from './types.ts';

/** How many idle-item facts to keep for items the server has not sent yet. */
const MAX_PENDING_IDLE_ITEMS = 32;

function errorMessage(cause: unknown): string {
  try {
    return cause instanceof Error ? cause.message : String(cause);
  } catch {
    return 'unknown error';
  }
}

function bytesPerMsOf(session: SessionConfig): number {
  const format = session.audio?.output?.format;
  if (!format?.type) return PCM16_24K_BYTES_PER_MS;
  // G.711 is one byte per sample at 8 kHz.
  if (format.type === 'audio/pcmu' || format.type === 'audio/pcma') return 8;
  return ((format.rate ?? 24000) * 2) / 1000;
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
  };
}

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
export function createRealtimeSession(options: CreateRealtimeSessionOptions): RealtimeSession {
  const { transport } = options;
  const clock = options.clock ?? systemClock;

  // ---- configuration (throws RealtimeConfigError for a developer mistake, before anything runs)
  let desired: SessionConfig | undefined = options.config === undefined ? undefined : validateSessionConfig(options.config);
  const configTurnDetection = getTurnDetection(desired);
  const configTimeout =
    configTurnDetection?.type === 'server_vad' ? configTurnDetection.idle_timeout_ms : undefined;
  let policy: IdlePolicy = resolveIdlePolicy({
    ...(configTimeout != null ? { timeoutMs: configTimeout } : {}),
    ...options.idle,
  });

  // ---- state, events
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
    },
    (cause) => {
      emitter.enqueue({
        type: 'error',
        error: { source: 'handler', code: 'listener_error', message: `A state listener threw: ${errorMessage(cause)}`, cause },
      });
    },
  );

  // ---- transaction: every change goes through run(); state is committed, then events flow.
  let draft: SessionState | null = null;
  let depth = 0;
  const read = (): SessionState => draft ?? store.getState();
  const write = (): SessionState => (draft ??= copyState(store.getState()));
  const enqueue = (event: SessionEvent): void => emitter.enqueue(event);

  // Whether anyone listens to the events built per message, asked once per message: kept up to
  // date when handlers come and go rather than looked up each time.
  let wantsServerEvents = false;
  let wantsDeltas = false;
  function refreshWants(): void {
    wantsServerEvents = emitter.wants('server_event');
    wantsDeltas = emitter.wants('transcript_delta');
  }

  function listen(type: Parameters<RealtimeSession['on']>[0], handler: (event: SessionEvent) => void): () => void {
    const off = emitter.on(type, handler);
    refreshWants();
    return () => {
      off();
      refreshWants();
    };
  }

  function run(fn: () => void): void {
    depth++;
    try {
      fn();
    } catch (cause) {
      // A bug of ours must not escape into a transport's or caller's stack either.
      report('protocol', 'internal_error', `Session failed to handle an event: ${errorMessage(cause)}`, cause);
    } finally {
      if (--depth === 0) commit();
    }
  }

  function commit(): void {
    // Most messages (audio and transcript deltas) change nothing the idle machine reads: skip
    // its bookkeeping unless one of its inputs moved since the last sync.
    if (idle.state !== syncedIdle || busyNow() !== syncedBusy || read().idle !== syncedView) syncIdle();
    if (draft) {
      const next = draft;
      draft = null;
      store.setState(next);
    }
    emitter.flush();
  }

  function report(source: RealtimeErrorSource, code: string, message: string, cause?: unknown, keep = false): RealtimeError {
    const error: RealtimeError = { source, code, message, ...(cause !== undefined ? { cause } : {}) };
    if (keep) write().error = error;
    enqueue({ type: 'error', error });
    return error;
  }

  function setStatus(status: ConnectionStatus, error?: RealtimeError): void {
    const previous = read().status;
    if (previous === status) return;
    write().status = status;
    enqueue({ type: 'status_changed', status, previous, ...(error ? { error } : {}) });
  }

  // ---- idle policy wiring
  let awaitingUpdates = 0;
  let updateCounter = 0;
  const pendingTools = new Set<string>();
  const idleItems = new Map<string, TranscriptIdleInfo>();
  /** Silent commits counted as server timeouts before (or without) their `timeout_triggered`. */
  const inferredItems = new Set<string>();
  let speechSinceCommit = false;
  /** `input_audio_buffer.commit`s the app sent: their commits are not silences. */
  let clientCommits = 0;

  /**
   * What the server's idle clock does: its own report (`session.updated`) once it has
   * answered our last update, else what we asked for.
   */
  function machineConfig(): IdleMachineConfig {
    const session = read().session;
    const reported = session && awaitingUpdates === 0 ? getTurnDetection(session) : undefined;
    let server: boolean;
    let timeoutMs = policy.timeoutMs;
    const reportedTimeout = reported?.type === 'server_vad' ? reported.idle_timeout_ms : null;
    // A server VAD report without the field (older servers, emulators) says nothing: keep our view.
    if (reported !== undefined && reportedTimeout !== undefined) {
      server = reportedTimeout !== null;
      if (reportedTimeout !== null) timeoutMs = reportedTimeout;
    } else {
      server = serverArmedByDesire();
    }
    const mode = policy.clientFallback;
    return {
      timeoutMs,
      server,
      client: mode === 'never' ? 'off' : mode === 'always' || !server ? 'primary' : 'backup',
      maxTimeouts: policy.maxTimeouts,
      endGraceMs: policy.endGraceMs,
    };
  }

  /** Whether the server runs its idle clock with the config we asked for. */
  function serverArmedByDesire(): boolean {
    if (policy.timeoutMs === null) return false;
    const td = getTurnDetection(desired);
    return td === undefined || td?.type === 'server_vad';
  }

  const idle = createIdleController({
    clock,
    config: machineConfig(),
    onClientDue: () =>
      run(() => {
        const fired = idle.timeout({ source: 'client' });
        if (fired) enqueue(fired);
      }),
    onGraceEnd: () =>
      run(() => {
        idle.apply(idleGraceElapsed);
        if (idle.state.ended) shutDown('disconnected', undefined, true);
      }),
  });

  function reconfigureIdle(): void {
    const config = machineConfig();
    idle.apply((s, now) => idleConfigure(s, config, now));
  }

  function userActive(): void {
    idle.apply(idleUserActive);
  }

  // What the last syncIdle() saw. While all three still hold, syncing again would change
  // nothing: the machine already knows `busy`, and the view already reflects the machine.
  let syncedIdle: IdleMachineState | null = null;
  let syncedBusy = false;
  let syncedView: SessionState['idle'] | null = null;

  /** The idle machine's only input from the state: is anyone speaking, responding or calling a tool. */
  function busyNow(): boolean {
    const s = read();
    return s.userSpeaking || s.assistantSpeaking || s.responding || pendingTools.size > 0;
  }

  function syncIdle(): void {
    const busy = busyNow();
    if (busy !== idle.state.busy) idle.apply((m, now) => idleBusy(m, busy, now));
    const s = read();
    const view = idleView(idle.state, s.idle);
    if (view !== s.idle) {
      write().idle = view;
      enqueue({ type: 'idle_changed', idle: view, previous: s.idle });
    }
    syncedIdle = idle.state;
    syncedBusy = busy;
    syncedView = view;
  }

  // ---- playback
  let playback: PlaybackReporting = transport.playbackReporting ?? 'none';
  let audioIds: { itemId?: string; responseId?: string } = {};
  const estimator = createPlaybackEstimator(clock, () => run(() => setSpeaking(false, 'audio_stopped', audioIds)));

  function setSpeaking(
    speaking: boolean,
    type: 'audio_started' | 'audio_stopped' | 'audio_interrupted',
    ids: { itemId?: string; responseId?: string },
    audioEndMs?: number,
  ): void {
    if (read().assistantSpeaking === speaking) return;
    write().assistantSpeaking = speaking;
    // Built field by field (several times per turn): spreads of small objects are slow in V8.
    const event: { type: typeof type; itemId?: string; responseId?: string; audioEndMs?: number } = { type };
    if (ids.itemId !== undefined) event.itemId = ids.itemId;
    if (ids.responseId !== undefined) event.responseId = ids.responseId;
    if (type === 'audio_interrupted' && audioEndMs !== undefined) event.audioEndMs = audioEndMs;
    enqueue(event as SessionEvent);
  }

  function onPlayback(event: PlaybackEvent): void {
    run(() => {
      const ids = {
        ...(event.itemId !== undefined ? { itemId: event.itemId } : {}),
        ...(event.responseId !== undefined ? { responseId: event.responseId } : {}),
      };
      if (event.type === 'started') setSpeaking(true, 'audio_started', ids);
      else if (event.type === 'stopped') setSpeaking(false, 'audio_stopped', ids);
      else setSpeaking(false, 'audio_interrupted', ids, event.playedMs);
    });
  }

  /** Stop an estimated playback (interruption). */
  function stopEstimate(): void {
    if (estimator.stop()) setSpeaking(false, 'audio_interrupted', audioIds);
  }

  // ---- transcript
  function applyTranscript(update: TranscriptUpdate | null, announce: boolean): void {
    if (!update) return;
    write().transcript = update.transcript;
    if (update.added) enqueue({ type: 'history_added', item: update.item });
    else if (announce) enqueue({ type: 'history_updated', item: update.item });
  }

  function applyItem(item: ConversationItem, previousItemId: string | null | undefined, fallback: TranscriptItemStatus): void {
    const idleInfo = item.id !== undefined ? idleItems.get(item.id) : undefined;
    applyTranscript(applyConversationItem(read().transcript, item, previousItemId, fallback, idleInfo), true);
    if (item.type === 'function_call_output') pendingTools.delete(item.call_id);
  }

  // ---- the wire path (hot: every message)
  function onMessage(data: string | object): void {
    // run() spelled out: no closure allocated per message on the hot path.
    depth++;
    try {
      handleMessage(data);
    } catch (cause) {
      report('protocol', 'internal_error', `Session failed to handle an event: ${errorMessage(cause)}`, cause);
    } finally {
      if (--depth === 0) commit();
    }
  }

  function handleMessage(data: string | object): void {
    const result = parseServerEvent(data);
    if (!result.ok) {
      const raw = result.raw as { type?: unknown } | null;
      if (result.reason !== 'malformed_json' && typeof raw === 'object' && raw !== null && typeof raw.type === 'string') {
        if (wantsServerEvents) enqueue({ type: 'server_event', event: raw as UnknownServerEvent, known: false });
      }
      // Unknown types are not errors: servers add events over time.
      if (result.reason !== 'unknown_type') report('protocol', result.reason, result.message, result.raw);
      return;
    }
    const event = result.event;
    if (wantsServerEvents) enqueue({ type: 'server_event', event, known: true });
    handleServerEvent(event);
  }

  function handleServerEvent(event: ServerEvent): void {
    switch (event.type) {
      case 'response.output_audio.delta':
        // The most frequent event by far: only the playback estimate cares.
        if (playback === 'none') {
          audioIds = { itemId: event.item_id, responseId: event.response_id };
          if (estimator.add(event.delta)) setSpeaking(true, 'audio_started', audioIds);
        }
        return;
      case 'response.output_audio_transcript.delta':
      case 'response.output_text.delta':
        textDelta(event.item_id, 'assistant', event.delta);
        return;
      case 'conversation.item.input_audio_transcription.delta':
        if (event.delta) textDelta(event.item_id, 'user', event.delta);
        return;
      // Frequent events the session has nothing to do with, listed early: the cases of a switch
      // on strings are compared one after the other.
      case 'response.content_part.added':
      case 'response.content_part.done':
      case 'response.output_item.added':
      case 'response.output_item.done':
      case 'response.output_audio.done':
      case 'rate_limits.updated':
        return;
      case 'response.output_audio_transcript.done':
        textDone(event.item_id, 'assistant', event.transcript);
        return;
      case 'response.output_text.done':
        textDone(event.item_id, 'assistant', event.text);
        return;
      case 'conversation.item.input_audio_transcription.completed':
        textDone(event.item_id, 'user', event.transcript, 'completed');
        return;
      case 'conversation.item.input_audio_transcription.failed': {
        const error: RealtimeError = {
          source: 'server',
          code: event.error.code ?? event.error.type ?? 'transcription_failed',
          message: event.error.message ?? 'Transcription failed',
          cause: event,
        };
        applyTranscript(markTranscriptFailed(read().transcript, event.item_id, error), true);
        return;
      }
      case 'session.created':
      case 'session.updated':
        if (event.type === 'session.updated' && awaitingUpdates > 0) awaitingUpdates--;
        write().session = event.session;
        estimator.setBytesPerMs(bytesPerMsOf(event.session));
        reconfigureIdle();
        enqueue({ type: 'session_updated', session: event.session });
        return;
      case 'input_audio_buffer.speech_started':
        speechSinceCommit = true;
        userActive();
        write().userSpeaking = true;
        enqueue({ type: 'speech_started', itemId: event.item_id, audioStartMs: event.audio_start_ms });
        return;
      case 'input_audio_buffer.speech_stopped':
        write().userSpeaking = false;
        enqueue({ type: 'speech_stopped', itemId: event.item_id, audioEndMs: event.audio_end_ms });
        return;
      case 'input_audio_buffer.timeout_triggered':
        serverTimeout(event);
        return;
      case 'input_audio_buffer.committed':
        committed(event);
        return;
      case 'input_audio_buffer.cleared':
        speechSinceCommit = false;
        return;
      case 'conversation.item.added':
        applyItem(event.item, event.previous_item_id, 'in_progress');
        return;
      case 'conversation.item.done':
        applyItem(event.item, event.previous_item_id, 'completed');
        return;
      case 'conversation.item.retrieved':
        applyItem(event.item, undefined, 'completed');
        return;
      case 'conversation.item.deleted': {
        const transcript = deleteTranscriptItem(read().transcript, event.item_id);
        if (transcript !== read().transcript) {
          write().transcript = transcript;
          enqueue({ type: 'history_removed', itemId: event.item_id });
        }
        return;
      }
      case 'conversation.item.truncated':
        applyTranscript(markTranscriptInterrupted(read().transcript, event.item_id), true);
        stopEstimate();
        return;
      case 'response.created':
        write().responding = true;
        // A new response means the app has answered any tool call it was running.
        pendingTools.clear();
        enqueue({ type: 'response_started', responseId: event.response.id ?? '' });
        return;
      case 'response.done':
        responseDone(event);
        return;
      case 'response.function_call_arguments.delta':
        applyTranscript(
          applyToolArguments(read().transcript, event.item_id, event.call_id, undefined, event.delta, false),
          false,
        );
        return;
      case 'response.function_call_arguments.done':
        applyTranscript(
          applyToolArguments(read().transcript, event.item_id, event.call_id, event.name, event.arguments, true),
          true,
        );
        pendingTools.add(event.call_id);
        enqueue({
          type: 'tool_call',
          callId: event.call_id,
          name: event.name,
          arguments: event.arguments,
          itemId: event.item_id,
          responseId: event.response_id,
        });
        return;
      case 'output_audio_buffer.started':
      case 'output_audio_buffer.stopped':
      case 'output_audio_buffer.cleared':
        serverPlayback(event);
        return;
      case 'error': {
        const { error } = event;
        if (awaitingUpdates > 0 && typeof error.event_id === 'string' && error.event_id.startsWith('rrk_update_')) {
          awaitingUpdates--;
          reconfigureIdle();
        }
        report('server', error.code ?? error.type, error.message, event, true);
        return;
      }
      default:
        return;
    }
  }

  function textDelta(itemId: string, role: 'user' | 'assistant', delta: string): void {
    const update = appendTranscriptDelta(read().transcript, itemId, role, delta);
    applyTranscript(update, false);
    if (wantsDeltas) {
      enqueue({ type: 'transcript_delta', itemId, role: update.item.role, delta, text: update.item.text });
    }
  }

  function textDone(itemId: string, role: 'user' | 'assistant', text: string, status?: TranscriptItemStatus): void {
    const update = setTranscriptText(read().transcript, itemId, role, text, status);
    const item = update?.item ?? read().transcript.get(itemId);
    // Same order as the assistant's: the text is final, then the row changes.
    if (update && !update.added) enqueue({ type: 'transcript_done', itemId, role: item?.role ?? role, text });
    applyTranscript(update, true);
    if (!update || update.added) enqueue({ type: 'transcript_done', itemId, role: item?.role ?? role, text });
  }

  function serverTimeout(event: ServerEventOf<'input_audio_buffer.timeout_triggered'>): void {
    if (inferredItems.delete(event.item_id)) {
      // Counted already, from its silent commit: only the facts improve.
      recordIdleItem(event.item_id, {
        audioStartMs: event.audio_start_ms,
        audioEndMs: event.audio_end_ms,
        idleMs: Math.max(0, event.audio_end_ms - event.audio_start_ms),
        source: 'server',
      });
      return;
    }
    const fired = idle.timeout({
      source: 'server',
      itemId: event.item_id,
      audioStartMs: event.audio_start_ms,
      audioEndMs: event.audio_end_ms,
      eventId: event.event_id,
    });
    // Even an ignored timeout (the client clock already fired for this silence) commits a
    // silent item: it still becomes an idle marker, not an empty user bubble.
    recordIdleItem(event.item_id, {
      audioStartMs: event.audio_start_ms,
      audioEndMs: event.audio_end_ms,
      idleMs: fired?.idleMs ?? Math.max(0, event.audio_end_ms - event.audio_start_ms),
      source: 'server',
    });
    if (fired) enqueue(fired);
  }

  /**
   * Some transports never deliver `timeout_triggered` (a community report: WebSocket clients),
   * and the server then starts its re-prompt at once, which pauses our backup clock for good.
   * Its other trace is a commit of audio in which nobody spoke: with the server's idle clock
   * armed, that is the timeout. Count it then; the real event, if it comes late, only refines it.
   */
  function committed(event: ServerEventOf<'input_audio_buffer.committed'>): void {
    const silent = !speechSinceCommit && clientCommits === 0;
    speechSinceCommit = false;
    if (clientCommits > 0) clientCommits--;
    if (!silent || !idle.state.server || idleItems.has(event.item_id)) return;
    const audioEndMs = Math.max(0, clock.now() - idle.state.connectedAt);
    const timeoutMs = idle.state.timeoutMs ?? 0;
    const fired = idle.timeout({
      source: 'server',
      itemId: event.item_id,
      audioStartMs: Math.max(0, audioEndMs - timeoutMs),
      audioEndMs,
      inferred: true,
    });
    if (inferredItems.size >= MAX_PENDING_IDLE_ITEMS) inferredItems.clear();
    inferredItems.add(event.item_id);
    recordIdleItem(event.item_id, {
      audioStartMs: Math.max(0, audioEndMs - timeoutMs),
      audioEndMs,
      idleMs: fired?.idleMs ?? timeoutMs,
      source: 'server',
    });
    if (fired) enqueue(fired);
  }

  function recordIdleItem(itemId: string, info: TranscriptIdleInfo): void {
    if (idleItems.size >= MAX_PENDING_IDLE_ITEMS && !idleItems.has(itemId)) {
      const oldest = idleItems.keys().next().value;
      if (oldest !== undefined) idleItems.delete(oldest);
    }
    idleItems.set(itemId, info);
    applyTranscript(markTranscriptIdle(read().transcript, itemId, info), true);
  }

  function responseDone(event: ServerEventOf<'response.done'>): void {
    const { response } = event;
    write().responding = false;
    const status = response.status ?? 'completed';
    const reason = response.status_details?.reason;
    if (status === 'cancelled') {
      for (const item of response.output ?? []) {
        if (item.id !== undefined && item.status !== 'completed') {
          applyTranscript(markTranscriptInterrupted(read().transcript, item.id), true);
        }
      }
      stopEstimate();
    }
    enqueue({ type: 'response_done', responseId: response.id ?? '', status, ...(reason !== undefined ? { reason } : {}) });
  }

  function serverPlayback(
    event: ServerEventOf<'output_audio_buffer.started' | 'output_audio_buffer.stopped' | 'output_audio_buffer.cleared'>,
  ): void {
    if (playback === 'transport') return;
    if (playback === 'none') {
      // The server reports playback after all (WebRTC behind an unknown transport): trust it.
      playback = 'server';
      estimator.stop();
    }
    const ids = { responseId: event.response_id };
    if (event.type === 'output_audio_buffer.started') setSpeaking(true, 'audio_started', ids);
    else if (event.type === 'output_audio_buffer.stopped') setSpeaking(false, 'audio_stopped', ids);
    else setSpeaking(false, 'audio_interrupted', ids);
  }

  // ---- connection
  let connection: Promise<void> | null = null;
  let abort: AbortController | null = null;
  let unsubscribers: (() => void)[] = [];

  function attach(): void {
    detach();
    unsubscribers = [transport.on('message', onMessage), transport.on('close', onClose), transport.on('playback', onPlayback)];
  }

  function detach(): void {
    for (const unsubscribe of unsubscribers) unsubscribe();
    unsubscribers = [];
  }

  function onClose(info: TransportCloseInfo): void {
    run(() => {
      if (info.error) {
        const error = report('transport', info.reason ?? 'connection_lost', errorMessage(info.error), info.error, true);
        shutDown('error', error, false);
      } else {
        shutDown('disconnected', undefined, false);
      }
    });
  }

  /** Leave the connected state. `closeTransport`: we end it (not the transport telling us). */
  function shutDown(status: 'disconnected' | 'error', error: RealtimeError | undefined, closeTransport: boolean): void {
    abort?.abort();
    abort = null;
    connection = null;
    detach();
    if (closeTransport) {
      try {
        transport.close();
      } catch (cause) {
        report('transport', 'close_failed', errorMessage(cause), cause);
      }
    }
    estimator.stop();
    pendingTools.clear();
    awaitingUpdates = 0;
    const d = write();
    d.userSpeaking = false;
    d.assistantSpeaking = false;
    d.responding = false;
    setStatus(status, error);
    idle.apply((s, now) => idleConnected(s, false, now));
  }

  function send(event: ClientEvent): boolean {
    if (read().status !== 'connected') {
      report('transport', 'not_connected', `Cannot send "${event.type}": the session is not connected.`);
      return false;
    }
    try {
      transport.send(event);
      return true;
    } catch (cause) {
      report('transport', 'send_failed', `Sending "${event.type}" failed: ${errorMessage(cause)}`, cause, true);
      return false;
    }
  }

  /** The config to send on connect: what was asked for, with the policy's idle timeout where server VAD allows one. */
  function initialConfig(): SessionConfig | undefined {
    if (policy.timeoutMs === null) return desired;
    const td = getTurnDetection(desired);
    if (td === undefined || td?.type === 'server_vad') return withIdleTimeout(desired ?? {}, policy.timeoutMs);
    return desired; // semantic VAD or none: the client clock covers it
  }

  function sendSessionUpdate(session: SessionConfig, wasServerArmed: boolean): void {
    const body: SessionConfig = session.type === undefined ? { type: 'realtime', ...session } : session;
    const eventId = `rrk_update_${++updateCounter}`;
    if (!send({ type: 'session.update', event_id: eventId, session: body })) return;
    awaitingUpdates++;
    // The trap: turning the server's idle timeout back on does not reset its idle clock, so
    // it could fire at once. Clearing the input buffer resets it.
    if (!wasServerArmed && serverArmedByDesire()) send({ type: 'input_audio_buffer.clear' });
    reconfigureIdle();
  }

  function connect(): Promise<void> {
    if (connection) return connection;
    const controller = new AbortController();
    abort = controller;
    attach();
    run(() => {
      if (read().error) write().error = null;
      setStatus('connecting');
    });
    const attempt = (async () => {
      try {
        await transport.connect({ signal: controller.signal });
      } catch (cause) {
        if (controller.signal.aborted) return;
        run(() => {
          const error = report('transport', 'connect_failed', `Could not connect: ${errorMessage(cause)}`, cause, true);
          abort = null;
          connection = null;
          detach();
          setStatus('error', error);
        });
        throw cause;
      }
      if (controller.signal.aborted) return;
      run(() => {
        setStatus('connected');
        idle.apply((s, now) => idleConnected(s, true, now));
        const initial = initialConfig();
        if (initial !== undefined) sendSessionUpdate(initial, true);
      });
    })();
    connection = attempt;
    return attempt;
  }

  function disconnect(): void {
    const status = read().status;
    if (status !== 'connecting' && status !== 'connected') {
      abort?.abort();
      return;
    }
    run(() => shutDown('disconnected', undefined, true));
  }

  // ---- actions
  function sendText(text: string): void {
    run(() => {
      const created = send({
        type: 'conversation.item.create',
        item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
      });
      if (!created) return;
      send({ type: 'response.create' });
      userActive();
    });
  }

  function sendEvent(event: ClientEvent): void {
    run(() => {
      const result = parseClientEvent(event);
      if (!result.ok) {
        report('config', 'invalid_client_event', `Not sent: ${result.message}`, event);
        return;
      }
      const valid = result.event;
      if (valid.type === 'session.update') {
        // Same rules as updateSession, so the idle policy and the server never disagree.
        applySessionPatch(valid.session);
        return;
      }
      if (!send(valid)) return;
      if (valid.type === 'input_audio_buffer.commit') clientCommits++;
      else if (valid.type === 'conversation.item.create') {
        const item = valid.item;
        if (item.type === 'message' && item.role === 'user') userActive();
        else if (item.type === 'function_call_output') pendingTools.delete(item.call_id);
      }
    });
  }

  /** An explicit `idle_timeout_ms` in a session patch becomes the policy's timeout. */
  function adoptTimeoutFrom(config: SessionConfig): void {
    const td = getTurnDetection(config);
    if (td?.type === 'server_vad' && td.idle_timeout_ms !== undefined) {
      policy = { ...policy, timeoutMs: td.idle_timeout_ms };
    }
  }

  function updateSession(patch: SessionConfig): void {
    run(() => {
      let config: SessionConfig;
      try {
        config = validateSessionConfig(patch);
      } catch (cause) {
        report('config', 'invalid_config', errorMessage(cause), cause);
        return;
      }
      applySessionPatch(config);
    });
  }

  /** Send (or keep for connect) a validated session patch, with the idle timeout merged in. */
  function applySessionPatch(patch: SessionConfig): void {
    let config = patch;
    const wasArmed = serverArmedByDesire();
    adoptTimeoutFrom(config);
    const td = getTurnDetection(config);
    // A new server VAD block without an idle timeout keeps the policy's timeout.
    if (td?.type === 'server_vad' && td.idle_timeout_ms === undefined && policy.timeoutMs !== null) {
      config = withIdleTimeout(config, policy.timeoutMs);
    }
    desired = mergeSessionConfig(desired, config);
    if (read().status === 'connected') sendSessionUpdate(config, wasArmed);
    else reconfigureIdle();
  }

  function setIdlePolicy(patch: Partial<IdlePolicy>): void {
    run(() => {
      let next: IdlePolicy;
      try {
        next = resolveIdlePolicy(patch, policy);
      } catch (cause) {
        report('config', 'invalid_idle_policy', errorMessage(cause), cause);
        return;
      }
      const wasArmed = serverArmedByDesire();
      const timeoutChanged = next.timeoutMs !== policy.timeoutMs;
      policy = next;
      if (timeoutChanged) {
        const td = getTurnDetection(desired);
        if (td === undefined || td?.type === 'server_vad') {
          // Keep the server's other VAD settings: start from what we asked for, or what it runs.
          const reported = getTurnDetection(read().session);
          const base: TurnDetection =
            td ?? (reported?.type === 'server_vad' ? reported : { type: 'server_vad' });
          const update = withIdleTimeout({ audio: { input: { turn_detection: base } } }, next.timeoutMs);
          desired = mergeSessionConfig(desired, update);
          if (read().status === 'connected') {
            sendSessionUpdate(update, wasArmed);
            return;
          }
        }
      }
      reconfigureIdle();
    });
  }

  function interrupt(): void {
    run(() => {
      const s = read();
      if (s.status !== 'connected') return;
      const active = s.assistantSpeaking || s.responding;
      if (transport.interrupt) {
        try {
          transport.interrupt();
        } catch (cause) {
          report('transport', 'interrupt_failed', errorMessage(cause), cause);
        }
      } else {
        if (s.responding) send({ type: 'response.cancel' });
        if (playback === 'server' && s.assistantSpeaking) send({ type: 'output_audio_buffer.clear' });
      }
      estimator.stop();
      if (!active) return;
      if (s.assistantSpeaking) setSpeaking(false, 'audio_interrupted', audioIds);
      else enqueue({ type: 'audio_interrupted', ...audioIds });
    });
  }

  function setMuted(muted: boolean): void {
    run(() => {
      if (read().muted === muted) return;
      try {
        transport.setMuted?.(muted);
      } catch (cause) {
        report('transport', 'mute_failed', errorMessage(cause), cause);
        return;
      }
      write().muted = muted;
      enqueue({ type: 'muted_changed', muted });
    });
  }

  function stillHere(): void {
    run(() => {
      userActive();
      // Reset the server's idle clock too, so its next timeout lines up with ours.
      const s = read();
      if (s.status === 'connected' && idle.state.server && !s.userSpeaking) send({ type: 'input_audio_buffer.clear' });
    });
  }

  return {
    connect,
    disconnect,
    getState: store.getState,
    subscribe: store.subscribe,
    on: (type, handler) => listen(type, handler as (event: SessionEvent) => void),
    sendText,
    sendEvent,
    updateSession,
    interrupt,
    setMuted,
    stillHere,
    setIdlePolicy,
    getIdlePolicy: () => ({ ...policy }),
    clock,
  };
}
