import { parseClientEvent, validateSessionConfig, RealtimeConfigError } from '../core/protocol/index.ts';
import { createEnergyDetector, type EnergyDetector } from './createEnergyDetector.ts';
import { defaultEmulatorScript, type EmulatorReplyContext, type EmulatorScript } from './defaultEmulatorScript.ts';
import { emulatorId } from './emulatorIds.ts';
import { argumentDeltas, argumentsText, takeToolCall, type EmulatorToolCall, type EmulatorToolOutput } from './emulatorToolCalls.ts';
import { synthesizeSpeech } from './synthesizeSpeech.ts';

type Json = Record<string, unknown>;

/** A handle on assistant audio being streamed as media (WebRTC). */
export interface MediaPlayback {
  stop(): void;
}

/** Options of {@link createEmulatorSession}, which has an example: the wire it talks through and what it says. */
export interface EmulatorSessionOptions {
  /** `websocket`: audio travels in events. `webrtc`: audio travels as media through `playAudio`. */
  transport: 'websocket' | 'webrtc';
  /** Deliver one server event to the client. */
  send(event: Json): void;
  /** WebRTC: play PCM16 24 kHz to the client in real time and call `onEnd` when it has played. */
  playAudio?(pcm: Int16Array, onEnd: () => void): MediaPlayback;
  /** Session bound to the key (from `client_secrets`), merged over the defaults. */
  session?: Json;
  script?: EmulatorScript;
  /** Pause between streamed deltas. Default 40 ms. */
  streamIntervalMs?: number;
  /** Multiplies idle timeouts so tests need not wait 5 s. Default 1 (real semantics). */
  idleTimeScale?: number;
  /** Client function calls to make in answer to user turns (this session uses each once); see {@link EmulatorToolCall}. */
  toolCalls?: readonly EmulatorToolCall[];
  /** Every valid client event as received (tests check what the client sent). */
  onClientEvent?(event: Json): void;
  log?(line: string): void;
}

/** One emulated Realtime session: feed it client events and microphone audio. */
export interface EmulatorSession {
  /** Send `session.created`. */
  start(): void;
  /** One client event, as received (JSON text). */
  receive(data: string): void;
  /** Microphone audio (PCM16 mono) at `sampleRate`; WebSocket appends arrive here too. */
  pushAudio(pcm: Int16Array, sampleRate: number): void;
  close(): void;
  /** The session config as the server reports it. */
  readonly config: Json;
}

interface ActiveResponse {
  id: string;
  itemId: string;
  /** Set when the response's output is a function call instead of a message. */
  functionCall: { name: string; callId: string; arguments: string } | null;
  text: string;
  sentText: string;
  audio: Int16Array | null;
  timers: Array<ReturnType<typeof setTimeout>>;
  playback: MediaPlayback | null;
  modalities: string[];
}

const DEFAULT_SERVER_VAD = {
  type: 'server_vad',
  threshold: 0.5,
  prefix_padding_ms: 300,
  silence_duration_ms: 500,
  idle_timeout_ms: null,
  create_response: true,
  interrupt_response: true,
};

/**
 * The protocol brain of the emulator, independent of the wire: validates every client event
 * (an invalid one gets an `error` event, as the real API sends), runs an energy VAD over the
 * microphone audio, answers turns with scripted speech-like audio and transcript deltas (the
 * full event sequence), and implements server VAD's `idle_timeout_ms`: once the last reply has
 * finished playing and the user stays silent for the timeout, it sends
 * `input_audio_buffer.timeout_triggered`, commits the silent item and creates a re-prompt.
 *
 * Playback end: over WebRTC the emulator plays the audio itself and knows when it ends; over
 * WebSocket it assumes the client plays from the first delta at real-time speed (as the real
 * server does), and a `conversation.item.truncate` ends playback early.
 *
 * @example
 * ```ts
 * const session = createEmulatorSession({ transport: 'websocket', send: (e) => socket.send(JSON.stringify(e)) });
 * session.start();
 * socket.on('message', (data) => session.receive(String(data)));
 * ```
 */
export function createEmulatorSession(options: EmulatorSessionOptions): EmulatorSession {
  const script = { ...defaultEmulatorScript, ...options.script };
  const interval = options.streamIntervalMs ?? 40;
  const timeScale = options.idleTimeScale ?? 1;
  const log = options.log ?? (() => undefined);
  const conversationId = emulatorId('conv');
  let config: Json = defaultConfig(options.session);
  let detector = createDetector();
  let closed = false;
  let lastItemId: string | null = null;
  let speechItemId: string | null = null;
  let active: ActiveResponse | null = null;
  /** The response whose audio streams as media right now (WebRTC), active or already done. */
  let playingResponse: ActiveResponse | null = null;
  let turn = 0;
  let speechTurns = 0;
  let idleCount = 0;
  let playbackEndsAt = 0;
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  const pending = new Map<number, Int16Array>();
  const audioDurations = new Map<string, number>();
  const extraTimers = new Set<ReturnType<typeof setTimeout>>();
  const toolCallQueue = [...(options.toolCalls ?? [])];
  /** Function calls made and not answered yet, by call_id. */
  const openCalls = new Map<string, string>();
  /** Outputs received since the last response: the next response.create speaks about them. */
  let toolOutputs: EmulatorToolOutput[] = [];

  function createDetector(): EnergyDetector {
    const td = turnDetection();
    return createEnergyDetector({
      threshold: numberOr(td?.threshold, 0.5),
      prefixPaddingMs: numberOr(td?.prefix_padding_ms, 300),
      silenceDurationMs: numberOr(td?.silence_duration_ms, 500),
    });
  }

  function turnDetection(): Json | null {
    const audio = config.audio as { input?: { turn_detection?: Json | null } } | undefined;
    return audio?.input?.turn_detection ?? null;
  }

  const send = (type: string, fields: Json = {}) => {
    if (closed) return;
    options.send({ type, event_id: emulatorId('event'), ...fields });
  };

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      extraTimers.delete(timer);
      if (!closed) run();
    }, ms);
    extraTimers.add(timer);
  };

  const sendError = (message: string, extra: { code?: string; param?: string | null; clientEventId?: unknown } = {}) =>
    send('error', {
      error: {
        type: 'invalid_request_error',
        code: extra.code ?? 'invalid_value',
        message,
        param: extra.param ?? null,
        event_id: typeof extra.clientEventId === 'string' ? extra.clientEventId : null,
      },
    });

  // --- idle timeout ------------------------------------------------------------------------

  const idleTimeoutMs = (): number | null => {
    const td = turnDetection();
    return td?.type === 'server_vad' && typeof td.idle_timeout_ms === 'number' ? td.idle_timeout_ms : null;
  };

  const disarmIdle = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
  };

  // The clock starts when the last reply has finished playing, and only while nothing happens.
  const armIdle = () => {
    disarmIdle();
    const timeout = idleTimeoutMs();
    if (closed || timeout === null || active || detector.speaking || playbackEndsAt === Infinity) return;
    idleTimer = setTimeout(
      () => {
        const startAudioMs = detector.audioMs;
        const startedAt = Date.now();
        idleTimer = setTimeout(() => fireIdle(timeout, startAudioMs, startedAt), timeout * timeScale);
      },
      Math.max(0, playbackEndsAt - Date.now()),
    );
  };

  const fireIdle = (timeout: number, audioStartMs: number, startedAt: number) => {
    idleTimer = null;
    if (closed || active || detector.speaking) return;
    idleCount++;
    const elapsed = Date.now() - startedAt;
    // Audio that kept streaming in (a live microphone) is the truth; without it, wall time is.
    const audioEndMs = detector.audioMs - audioStartMs >= elapsed / 2 ? detector.audioMs : audioStartMs + timeout;
    const itemId = emulatorId('item');
    log(`idle timeout #${idleCount} after ${timeout} ms`);
    send('input_audio_buffer.timeout_triggered', { audio_start_ms: audioStartMs, audio_end_ms: audioEndMs, item_id: itemId });
    commitUserItem(itemId);
    startResponse('idle', null);
  };

  // --- items and responses -------------------------------------------------------------------

  const commitUserItem = (itemId: string) => {
    send('input_audio_buffer.committed', { item_id: itemId, previous_item_id: lastItemId });
    const item = {
      id: itemId,
      object: 'realtime.item',
      type: 'message',
      role: 'user',
      status: 'completed',
      content: [{ type: 'input_audio', transcript: null }],
    };
    send('conversation.item.added', { previous_item_id: lastItemId, item });
    send('conversation.item.done', { previous_item_id: lastItemId, item });
    lastItemId = itemId;
  };

  const transcriptionOn = () => {
    const audio = config.audio as { input?: { transcription?: unknown } } | undefined;
    return Boolean(audio?.input?.transcription);
  };

  const responseShape = (response: ActiveResponse, status: string, output: Json[], details: Json | null) => ({
    object: 'realtime.response',
    id: response.id,
    status,
    status_details: details,
    output,
    conversation_id: conversationId,
    output_modalities: response.modalities,
    max_output_tokens: 'inf',
    metadata: null,
    usage:
      status === 'in_progress'
        ? null
        : { total_tokens: 20 + response.sentText.length, input_tokens: 20, output_tokens: response.sentText.length },
  });

  const assistantItem = (response: ActiveResponse, status: string): Json =>
    response.functionCall
      ? {
          id: response.itemId,
          object: 'realtime.item',
          type: 'function_call',
          status,
          name: response.functionCall.name,
          call_id: response.functionCall.callId,
          arguments: response.sentText,
        }
      : messageItem(response, status);

  const messageItem = (response: ActiveResponse, status: string) => ({
    id: response.itemId,
    object: 'realtime.item',
    type: 'message',
    role: 'assistant',
    status,
    content:
      status === 'in_progress'
        ? []
        : [
            response.audio
              ? { type: 'output_audio', transcript: response.sentText }
              : { type: 'output_text', text: response.sentText },
          ],
  });

  const startResponse = (reason: EmulatorReplyContext['reason'], userText: string | null, overrides: Json = {}) => {
    disarmIdle();
    if (active) cancelResponse('turn_detected');
    const modalities = Array.isArray(overrides.output_modalities)
      ? (overrides.output_modalities as string[])
      : Array.isArray(config.output_modalities)
        ? (config.output_modalities as string[])
        : ['audio'];
    const call = reason === 'speech' || reason === 'text' ? takeToolCall(toolCallQueue, config.tools, userText) : null;
    if (call) {
      startFunctionCall(call, modalities);
      return;
    }
    const outputs = toolOutputs;
    toolOutputs = [];
    const replyReason = reason === 'request' && outputs.length ? 'tool' : reason;
    const text = script.reply({ reason: replyReason, turn, idleCount, userText, toolOutputs: outputs });
    turn++;
    const response: ActiveResponse = {
      id: emulatorId('resp'),
      itemId: emulatorId('item'),
      functionCall: null,
      text,
      sentText: '',
      audio: modalities.includes('audio') ? synthesizeSpeech(text) : null,
      timers: [],
      playback: null,
      modalities,
    };
    active = response;
    const ids = { response_id: response.id, item_id: response.itemId, output_index: 0, content_index: 0 };
    send('response.created', { response: responseShape(response, 'in_progress', [], null) });
    send('response.output_item.added', { response_id: response.id, output_index: 0, item: assistantItem(response, 'in_progress') });
    send('conversation.item.added', { previous_item_id: lastItemId, item: assistantItem(response, 'in_progress') });
    lastItemId = response.itemId;
    send('response.content_part.added', {
      ...ids,
      part: response.audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' },
    });

    const audio = response.audio;
    if (audio) audioDurations.set(response.itemId, Math.floor(audio.length / 24));
    if (audio && options.transport === 'webrtc' && options.playAudio) {
      playbackEndsAt = Infinity;
      send('output_audio_buffer.started', { response_id: response.id });
      playingResponse?.playback?.stop();
      playingResponse = response;
      response.playback = options.playAudio(audio, () => {
        if (closed) return;
        response.playback = null;
        if (playingResponse === response) playingResponse = null;
        send('output_audio_buffer.stopped', { response_id: response.id });
        playbackEndsAt = Date.now();
        armIdle();
      });
    }

    const words = text.match(/\S+\s*/g) ?? [text];
    const samplesPerStep = audio ? Math.ceil(audio.length / words.length) : 0;
    words.forEach((word, index) => {
      response.timers.push(
        setTimeout(() => {
          if (active !== response) return;
          response.sentText += word;
          if (audio) {
            send('response.output_audio_transcript.delta', { ...ids, delta: word });
            if (options.transport === 'websocket') {
              const chunk = audio.subarray(index * samplesPerStep, (index + 1) * samplesPerStep);
              if (index === 0) playbackEndsAt = Date.now() + audio.length / 24;
              send('response.output_audio.delta', { ...ids, delta: Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('base64') });
            }
          } else {
            send('response.output_text.delta', { ...ids, delta: word });
          }
          if (index === words.length - 1) finishResponse(response);
        }, (index + 1) * interval),
      );
    });
  };

  // As the real API streams a call: the function_call item, its argument deltas, then done.
  const startFunctionCall = (call: EmulatorToolCall, modalities: string[]) => {
    const text = argumentsText(call);
    const response: ActiveResponse = {
      id: emulatorId('resp'),
      itemId: emulatorId('item'),
      functionCall: { name: call.name, callId: emulatorId('call'), arguments: text },
      text,
      sentText: '',
      audio: null,
      timers: [],
      playback: null,
      modalities,
    };
    const callId = response.functionCall?.callId;
    active = response;
    log(`function call ${call.name} ${callId ?? ''}`);
    const ids = { response_id: response.id, item_id: response.itemId, output_index: 0, call_id: callId };
    send('response.created', { response: responseShape(response, 'in_progress', [], null) });
    send('response.output_item.added', { response_id: response.id, output_index: 0, item: assistantItem(response, 'in_progress') });
    send('conversation.item.added', { previous_item_id: lastItemId, item: assistantItem(response, 'in_progress') });
    lastItemId = response.itemId;
    const deltas = argumentDeltas(text);
    deltas.forEach((delta, index) => {
      response.timers.push(
        setTimeout(() => {
          if (active !== response) return;
          response.sentText += delta;
          send('response.function_call_arguments.delta', { ...ids, delta });
          if (index < deltas.length - 1) return;
          send('response.function_call_arguments.done', { ...ids, name: call.name, arguments: response.sentText });
          openCalls.set(ids.call_id ?? '', call.name);
          finishOutput(response);
        }, (index + 1) * interval),
      );
    });
  };

  const finishResponse = (response: ActiveResponse) => {
    const ids = { response_id: response.id, item_id: response.itemId, output_index: 0, content_index: 0 };
    if (response.audio) {
      send('response.output_audio.done', ids);
      send('response.output_audio_transcript.done', { ...ids, transcript: response.sentText });
      send('response.content_part.done', { ...ids, part: { type: 'audio', transcript: response.sentText } });
    } else {
      send('response.output_text.done', { ...ids, text: response.sentText });
      send('response.content_part.done', { ...ids, part: { type: 'text', text: response.sentText } });
    }
    finishOutput(response);
  };

  const finishOutput = (response: ActiveResponse) => {
    const item = assistantItem(response, 'completed');
    send('conversation.item.done', { item });
    send('response.output_item.done', { response_id: response.id, output_index: 0, item });
    send('response.done', { response: responseShape(response, 'completed', [item], null) });
    send('rate_limits.updated', {
      rate_limits: [
        { name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 },
        { name: 'tokens', limit: 40000, remaining: 39800, reset_seconds: 0.3 },
      ],
    });
    active = null;
    armIdle();
  };

  const cancelResponse = (reason: 'turn_detected' | 'client_cancelled'): boolean => {
    const response = active;
    if (!response) return false;
    response.timers.forEach(clearTimeout);
    active = null;
    if (response.playback) {
      response.playback.stop();
      response.playback = null;
      if (playingResponse === response) playingResponse = null;
      send('output_audio_buffer.cleared', { response_id: response.id });
    }
    playbackEndsAt = Math.min(playbackEndsAt, Date.now());
    const item = assistantItem(response, 'incomplete');
    send('conversation.item.done', { item });
    send('response.output_item.done', { response_id: response.id, output_index: 0, item });
    send('response.done', {
      response: responseShape(response, 'cancelled', [item], { type: 'cancelled', reason }),
    });
    return true;
  };

  // --- audio ---------------------------------------------------------------------------------

  const onSpeechStarted = (audioStartMs: number) => {
    disarmIdle();
    idleCount = 0;
    speechItemId = emulatorId('item');
    send('input_audio_buffer.speech_started', { audio_start_ms: audioStartMs, item_id: speechItemId });
    if (active && turnDetection()?.interrupt_response !== false) cancelResponse('turn_detected');
  };

  const onSpeechStopped = (audioEndMs: number) => {
    const itemId = speechItemId ?? emulatorId('item');
    speechItemId = null;
    send('input_audio_buffer.speech_stopped', { audio_end_ms: audioEndMs, item_id: itemId });
    commitUserItem(itemId);
    const userTurn = speechTurns++;
    if (turnDetection()?.create_response !== false) startResponse('speech', null);
    else armIdle();
    if (transcriptionOn()) {
      // As on the real API, the user's transcript may land after the reply has started.
      const transcript = script.userTranscript({ turn: userTurn });
      later(interval * 3, () => {
        send('conversation.item.input_audio_transcription.delta', { item_id: itemId, content_index: 0, delta: transcript });
        send('conversation.item.input_audio_transcription.completed', {
          item_id: itemId,
          content_index: 0,
          transcript,
          usage: { type: 'duration', seconds: 1 },
        });
      });
    }
  };

  const pushAudio = (pcm: Int16Array, sampleRate: number) => {
    if (closed) return;
    const frameSamples = Math.round(sampleRate / 50);
    const rest = pending.get(sampleRate);
    let samples = pcm;
    if (rest) {
      samples = new Int16Array(rest.length + pcm.length);
      samples.set(rest);
      samples.set(pcm, rest.length);
    }
    let offset = 0;
    const detecting = turnDetection() !== null;
    for (; offset + frameSamples <= samples.length; offset += frameSamples) {
      const change = detector.push(samples.subarray(offset, offset + frameSamples), 20);
      if (!detecting || !change) continue;
      if (change.type === 'speech_started') onSpeechStarted(change.audioStartMs);
      else onSpeechStopped(change.audioEndMs);
    }
    pending.set(sampleRate, samples.slice(offset));
  };

  // --- client events -------------------------------------------------------------------------

  const handle = (event: Json) => {
    const type = event.type as string;
    switch (type) {
      case 'session.update': {
        let patch: Json;
        try {
          patch = validateSessionConfig(event.session) as Json;
        } catch (error) {
          const first = error instanceof RealtimeConfigError ? error.issues[0] : undefined;
          sendError(error instanceof Error ? error.message : String(error), {
            param: first?.path ? `session.${first.path}` : null,
            clientEventId: event.event_id,
          });
          return;
        }
        config = mergeSession(config, patch);
        detector = carryClock(detector, createDetector());
        send('session.updated', { session: config });
        armIdle();
        return;
      }
      case 'input_audio_buffer.append': {
        const bytes = Buffer.from(event.audio as string, 'base64');
        const aligned = new Int16Array(bytes.length >> 1);
        for (let i = 0; i < aligned.length; i++) aligned[i] = bytes.readInt16LE(i * 2);
        pushAudio(aligned, 24000);
        return;
      }
      case 'input_audio_buffer.commit': {
        const itemId = speechItemId ?? emulatorId('item');
        speechItemId = null;
        detector.reset();
        commitUserItem(itemId);
        return;
      }
      case 'input_audio_buffer.clear':
        detector.reset();
        speechItemId = null;
        send('input_audio_buffer.cleared');
        // Clearing the buffer resets the idle clock (the known way out of a stale clock).
        armIdle();
        return;
      case 'conversation.item.create': {
        const item: Json = { id: emulatorId('item'), object: 'realtime.item', status: 'completed', ...(event.item as Json) };
        if (item.type === 'function_call_output') {
          const callId = String(item.call_id);
          const name = openCalls.get(callId);
          if (name === undefined) {
            // The real API refuses an output whose call is not in the conversation (or was answered).
            sendError(`Tool call ID '${callId}' not found in conversation.`, {
              code: 'invalid_tool_call_id',
              param: 'item.call_id',
              clientEventId: event.event_id,
            });
            return;
          }
          openCalls.delete(callId);
          toolOutputs.push({ name, callId, output: typeof item.output === 'string' ? item.output : JSON.stringify(item.output) });
        }
        const previous = (event.previous_item_id as string | undefined) ?? lastItemId;
        send('conversation.item.added', { previous_item_id: previous, item });
        send('conversation.item.done', { previous_item_id: previous, item });
        lastItemId = item.id as string;
        if (item.role === 'user') {
          idleCount = 0;
          armIdle();
        }
        return;
      }
      case 'response.create': {
        if (active) {
          sendError(
            `Conversation already has an active response in progress: ${active.id}. Wait until the response is finished before creating a new one.`,
            { code: 'conversation_already_has_active_response', clientEventId: event.event_id },
          );
          return;
        }
        const params = (event.response as Json | undefined) ?? {};
        startResponse(lastUserText ? 'text' : 'request', lastUserText, params);
        lastUserText = null;
        return;
      }
      case 'response.cancel':
        if (!cancelResponse('client_cancelled')) {
          sendError('Cancellation failed: no active response found', {
            code: 'response_cancel_not_active',
            clientEventId: event.event_id,
          });
        }
        armIdle();
        return;
      case 'output_audio_buffer.clear': {
        if (options.transport !== 'webrtc') {
          sendError('output_audio_buffer.clear is only supported for WebRTC and SIP.', { clientEventId: event.event_id });
          return;
        }
        // Audio keeps playing after response.done, so the playing response may no longer be active.
        const playing = playingResponse;
        if (playing?.playback) {
          playing.playback.stop();
          playing.playback = null;
          playingResponse = null;
          send('output_audio_buffer.cleared', { response_id: playing.id });
        }
        playbackEndsAt = Math.min(playbackEndsAt, Date.now());
        armIdle();
        return;
      }
      case 'conversation.item.truncate': {
        const duration = audioDurations.get(event.item_id as string);
        if (duration === undefined) {
          sendError(`Item with item_id '${String(event.item_id)}' not found or has no audio.`, {
            code: 'item_truncate_invalid_item_id',
            param: 'item_id',
            clientEventId: event.event_id,
          });
          return;
        }
        if ((event.audio_end_ms as number) > duration) {
          sendError(`Audio content of ${duration}ms is already shorter than ${String(event.audio_end_ms)}ms`, {
            param: 'audio_end_ms',
            clientEventId: event.event_id,
          });
          return;
        }
        send('conversation.item.truncated', {
          item_id: event.item_id,
          content_index: event.content_index,
          audio_end_ms: event.audio_end_ms,
        });
        // The client stopped playing: the idle clock may start now.
        playbackEndsAt = Math.min(playbackEndsAt, Date.now());
        armIdle();
        return;
      }
      case 'conversation.item.delete':
        send('conversation.item.deleted', { item_id: event.item_id });
        return;
      default:
        // Valid but not emulated (retrieve, ...): accepted silently.
        return;
    }
  };
  let lastUserText: string | null = null;

  return {
    get config() {
      return config;
    },
    start() {
      send('session.created', { session: config });
      armIdle();
    },
    receive(data) {
      if (closed) return;
      const result = parseClientEvent(data);
      if (!result.ok) {
        const raw = result.raw as { event_id?: unknown } | null;
        sendError(`Invalid client event: ${result.message}`, {
          code: /unknown client event type/.test(result.message) ? 'invalid_type' : 'invalid_value',
          clientEventId: raw && typeof raw === 'object' ? raw.event_id : undefined,
        });
        return;
      }
      const event = result.event as unknown as Json;
      if (event.type === 'conversation.item.create') {
        const item = event.item as { role?: string; content?: Array<{ type?: string; text?: string }> };
        const text = item.role === 'user' ? item.content?.find((part) => typeof part.text === 'string')?.text : undefined;
        lastUserText = text ?? null;
      }
      if (event.type !== 'input_audio_buffer.append') log(`<- ${String(event.type)}`);
      options.onClientEvent?.(event);
      handle(event);
    },
    pushAudio,
    close() {
      closed = true;
      disarmIdle();
      if (active) {
        active.timers.forEach(clearTimeout);
        active.playback?.stop();
        active = null;
      }
      playingResponse?.playback?.stop();
      playingResponse = null;
      extraTimers.forEach(clearTimeout);
      extraTimers.clear();
    },
  };
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

// A new detector for new VAD settings keeps the input buffer's clock running.
function carryClock(previous: EnergyDetector, next: EnergyDetector): EnergyDetector {
  if (previous.audioMs > 0) next.push(new Int16Array(0), previous.audioMs);
  return next;
}

function defaultConfig(session: Json | undefined): Json {
  const base: Json = {
    type: 'realtime',
    object: 'realtime.session',
    id: emulatorId('sess'),
    model: 'gpt-realtime',
    output_modalities: ['audio'],
    instructions: '',
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    tracing: null,
    truncation: 'auto',
    prompt: null,
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    audio: {
      input: {
        format: { type: 'audio/pcm', rate: 24000 },
        transcription: null,
        noise_reduction: null,
        turn_detection: { ...DEFAULT_SERVER_VAD },
      },
      output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy', speed: 1 },
    },
    include: null,
  };
  return session ? mergeSession(base, session) : base;
}

/** Deep merge of a GA session patch; a new turn detection type starts from that type's defaults. */
function mergeSession(current: Json, patch: Json): Json {
  const out: Json = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'turn_detection') {
      if (value === null) out[key] = null;
      else {
        const previous = current[key] as Json | null | undefined;
        const next = value as Json;
        const sameType = previous && previous.type === (next.type ?? previous.type);
        const defaults =
          (next.type ?? previous?.type) === 'server_vad'
            ? DEFAULT_SERVER_VAD
            : { type: 'semantic_vad', eagerness: 'auto', create_response: true, interrupt_response: true };
        out[key] = { ...defaults, ...(sameType ? previous : {}), ...next };
      }
    } else if (isPlainObject(value) && isPlainObject(current[key])) {
      out[key] = mergeSession(current[key] as Json, value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
