import type { ConversationItem, ServerEvent, ServerEventOf, ServerEventType } from '../../core/protocol/index.ts';
import { IDLE_TIMEOUT_MAX_MS, IDLE_TIMEOUT_MIN_MS } from '../../core/protocol/turnDetection.ts';
import type { PlaybackEvent } from '../../core/transport/RealtimeTransport.ts';
import { createIdFactory, createUniqueIdFactory, type IdFactory } from './createIdFactory.ts';
import { createPcmChunk } from './createPcmChunk.ts';
import { splitText } from './splitText.ts';
import type {
  AssistantSaysOptions,
  ErrorOptions,
  IdleTimeoutOptions,
  ScenarioOptions,
  SessionOptions,
  UserSaysOptions,
} from './scenarioOptions.ts';
import type { ScenarioAnswers, ScenarioFlavor, ScenarioStep, ScenarioWait, Timeline } from './types.ts';

/** Who an answer is: its response, its item, where it sits in the conversation. */
interface AnswerIds {
  responseId: string;
  itemId: string;
  previousItemId: string | null;
  audio: boolean;
  /** Where the answer sits in its response's output: after the items of a {@link ResponseLead}. */
  outputIndex: number;
  /** The response's output items before this answer. */
  leadOutput: readonly ConversationItem[];
}

/** A response already under way (its `response.created` written): the answer joins its output. */
export interface ResponseLead {
  responseId: string;
  output: readonly ConversationItem[];
}

/** A tool call to write: name, JSON text arguments, optional call id and deltas. */
export interface ToolCallWrite {
  name: string;
  args: string;
  callId?: string | undefined;
  deltas?: number | readonly string[] | undefined;
}

/** An answer the user cut into, for {@link ScenarioWriter.interruption} to finish. */
export interface ResponseCut extends AnswerIds {
  /** Clock time the user cut in. */
  cutAt: number;
  /** Audio heard before that. */
  afterMs: number;
  audioMs: number;
  /** Transcript streamed before the cut. */
  heard: string;
  /** The server was still generating, so it cancels the response. */
  stillGenerating: boolean;
}

/** The fields of one event type besides `type` and `event_id`, without the loose index signature (so typos fail). */
type EventFields<T extends ServerEventType> = {
  [K in keyof ServerEventOf<T> as string extends K ? never : K extends 'type' | 'event_id' ? never : K]: ServerEventOf<T>[K];
};

const ITEM = 'realtime.item';

/**
 * Writes the wire events of each scenario step at the right times, keeping the conversation's
 * state (clock cursor, last item for `previous_item_id`, start of the current silence).
 * Internal to the builder: `scenario()` is the public face.
 */
export class ScenarioWriter {
  /** Cursor: where the next step starts (ms since the timeline began). */
  t = 0;
  private silenceStart = 0;
  private lastItemId: string | null = null;
  private sessionIdleMs: number | null = null;
  /** Whether a session event (here or in `after`) said how the session is configured. */
  private sessionKnown = false;
  private sessionId: string | null = null;
  /** Wire audio positions (`audio_start_ms`...) are session time: this timeline's 0 plus this. */
  private audioOffsetMs: number = 0;
  private tokensRemaining = 40000;
  private seq = 0;
  private readonly steps: { atMs: number; seq: number; step: ScenarioStep }[] = [];
  private ids: IdFactory;
  private readonly flavor: ScenarioFlavor;
  private readonly chunkMs: number;
  private readonly speed: number;
  private readonly vadSilenceMs: number;

  constructor(private readonly options: ScenarioOptions) {
    this.ids = options.seed === undefined ? createUniqueIdFactory() : createIdFactory(options.seed);
    this.flavor = options.flavor ?? 'mixed';
    this.chunkMs = options.audioChunkMs ?? 40;
    this.speed = options.generationSpeed ?? 2;
    this.vadSilenceMs = options.silenceDurationMs ?? 500;
    if (!(this.chunkMs > 0) || !(this.speed > 0)) throw new RangeError('audioChunkMs and generationSpeed must be positive');
    if (options.after) this.audioOffsetMs = this.continueAfter(options.after);
  }

  /**
   * Pick the conversation up where `previous` left it: its last item (for `previous_item_id`),
   * its session (id, idle timeout) and its end in session audio time. Returns the audio offset.
   */
  private continueAfter(previous: Timeline): number {
    let offset = 0;
    let end = 0;
    for (const step of previous) {
      end = Math.max(end, step.atMs);
      if ('wait' in step) {
        // What follows the client's answer (the follow-up) is only written when the wait resumes:
        // chaining here would put the new items before it in the transcript.
        throw new RangeError(
          `scenario({ after }): the timeline waits for the client (${step.wait.kind}) and its follow-up is written only when it resumes; write what comes next in the same scenario, after the ${step.wait.kind === 'tool_outputs' ? 'toolCall' : 'mcpApprovalRequest'}`,
        );
      }
      if (!('event' in step)) continue;
      const event = step.event as ServerEvent & Record<string, unknown>;
      if (event.type === 'conversation.item.added') {
        const item = event.item as { id?: unknown } | undefined;
        if (typeof item?.id === 'string') this.lastItemId = item.id;
      } else if (event.type === 'session.created' || event.type === 'session.updated') {
        const session = event.session as { id?: unknown; audio?: { input?: { turn_detection?: { type?: string; idle_timeout_ms?: number | null } | null } } };
        if (typeof session.id === 'string') this.sessionId = session.id;
        const detection = session.audio?.input?.turn_detection;
        this.sessionIdleMs = detection?.type === 'server_vad' ? (detection.idle_timeout_ms ?? null) : null;
        this.sessionKnown = true;
      } else if (event.type.startsWith('input_audio_buffer.')) {
        // Audio positions there are the previous timeline's atMs plus its own offset.
        const position = typeof event.audio_end_ms === 'number' ? event.audio_end_ms : event.audio_start_ms;
        if (typeof position === 'number') offset = position - step.atMs;
      }
    }
    return offset + end;
  }

  /** The steps so far, in time order (ties in writing order). */
  timeline(): ScenarioStep[] {
    return [...this.steps].sort((a, b) => a.atMs - b.atMs || a.seq - b.seq).map((entry) => entry.step);
  }

  silence(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`silence(ms) needs a duration >= 0, got ${ms}`);
    this.t += ms;
  }

  session(type: 'session.created' | 'session.updated', options: SessionOptions = {}): void {
    this.sessionId ??= this.ids.next('sess');
    const detection = options.turnDetection === undefined ? 'server_vad' : options.turnDetection;
    const idle = options.idleTimeoutMs;
    if (idle !== undefined && idle !== null) {
      if (detection !== 'server_vad') {
        throw new Error(
          `${type}: idleTimeoutMs needs server VAD; the server rejects idle_timeout_ms with turnDetection ${JSON.stringify(detection)}`,
        );
      }
      if (!Number.isInteger(idle) || idle < IDLE_TIMEOUT_MIN_MS || idle > IDLE_TIMEOUT_MAX_MS) {
        throw new RangeError(
          `${type}: idleTimeoutMs must be a whole number of ms in ${IDLE_TIMEOUT_MIN_MS}..${IDLE_TIMEOUT_MAX_MS} (or null for off), got ${idle}`,
        );
      }
    }
    this.sessionIdleMs = detection === 'server_vad' ? (options.idleTimeoutMs ?? null) : null;
    this.sessionKnown = true;
    const turnDetection =
      detection === 'server_vad'
        ? {
            type: 'server_vad',
            threshold: 0.5,
            prefix_padding_ms: 300,
            silence_duration_ms: this.vadSilenceMs,
            idle_timeout_ms: this.sessionIdleMs,
            create_response: true,
            interrupt_response: true,
          }
        : detection === 'semantic_vad'
          ? { type: 'semantic_vad', eagerness: 'auto', create_response: true, interrupt_response: true }
          : null;
    const pcm = { type: 'audio/pcm', rate: 24000 };
    this.emit(this.t, type, {
      session: {
        type: 'realtime',
        object: 'realtime.session',
        id: this.sessionId,
        model: options.model ?? 'gpt-realtime-2025-08-28',
        output_modalities: ['audio'],
        instructions: options.instructions ?? 'You are a friendly voice assistant. Keep answers short.',
        tools: [],
        tool_choice: 'auto',
        max_output_tokens: 'inf',
        tracing: null,
        prompt: null,
        expires_at: 1767225600,
        include: null,
        audio: {
          input: {
            format: pcm,
            transcription: options.transcription === false ? null : { model: 'gpt-4o-transcribe', prompt: '' },
            noise_reduction: null,
            turn_detection: turnDetection,
          },
          output: { format: pcm, voice: options.voice ?? 'marin', speed: 1 },
        },
        ...options.session,
      },
    } as EventFields<typeof type>);
    this.t += 1;
  }

  /** PROTOCOL.md sequence A, user half: speech, commit, the user item, transcription later. */
  userSpeech(text: string, options: UserSaysOptions = {}, startAt = this.t): void {
    const itemId = this.ids.next('item');
    const durationMs = options.durationMs ?? Math.max(400, text.length * 70);
    this.emit(startAt, 'input_audio_buffer.speech_started', { audio_start_ms: this.ms(startAt), item_id: itemId });
    const stoppedAt = startAt + durationMs + this.vadSilenceMs;
    this.emit(stoppedAt, 'input_audio_buffer.speech_stopped', { audio_end_ms: this.ms(stoppedAt), item_id: itemId });
    this.commitUserItem(stoppedAt + 3, itemId);

    const transcription = options.transcription ?? 'completed';
    // Transcription runs beside the response, so its events usually land after the assistant began.
    let at = stoppedAt + 3 + (options.transcriptDelayMs ?? 350);
    if (transcription === 'completed') {
      for (const delta of splitText(text, options.deltas)) {
        this.emit(at, 'conversation.item.input_audio_transcription.delta', { item_id: itemId, content_index: 0, delta });
        at += 30;
      }
      const audioTokens = Math.ceil(durationMs / 100);
      const textTokens = Math.ceil(text.length / 4);
      this.emit(at, 'conversation.item.input_audio_transcription.completed', {
        item_id: itemId,
        content_index: 0,
        transcript: text,
        usage: {
          type: 'tokens',
          total_tokens: audioTokens + textTokens,
          input_tokens: audioTokens,
          input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
          output_tokens: textTokens,
        },
      });
    } else if (transcription === 'failed') {
      this.emit(at, 'conversation.item.input_audio_transcription.failed', {
        item_id: itemId,
        content_index: 0,
        error: { type: 'transcription_error', code: 'audio_unintelligible', message: 'Audio could not be transcribed.', param: null },
      });
    }
    this.t = stoppedAt + 6;
    this.silenceStart = stoppedAt;
  }

  /**
   * PROTOCOL.md sequence A, assistant half. With `cutAfterMs`, the user cuts in after that much
   * audio was heard: only what was generated before then is written, and the returned cut is
   * for {@link ScenarioWriter.interruption} to finish (sequence C).
   */
  response(text: string, options: AssistantSaysOptions = {}, cutAfterMs?: number, lead?: ResponseLead): ResponseCut | undefined {
    const responseId = lead?.responseId ?? this.ids.next('resp');
    const itemId = this.ids.next('item');
    const audio = (options.modality ?? 'audio') === 'audio';
    const createdAt = this.t + (options.latencyMs ?? 30);
    const previousItemId = this.lastItemId;
    this.lastItemId = itemId;
    const audioMs = Math.max(1, Math.round(options.audioMs ?? Math.max(600, text.length * 65)));
    if (cutAfterMs !== undefined && (!audio || !(cutAfterMs > 0) || cutAfterMs >= audioMs)) {
      throw new RangeError(`interruption() afterMs must fall within the assistant's audio (1..${audioMs - 1} ms), got ${cutAfterMs}`);
    }
    const outputIndex = lead?.output.length ?? 0;
    const answer: AnswerIds = { responseId, itemId, previousItemId, audio, outputIndex, leadOutput: lead?.output ?? [] };
    const part = { response_id: responseId, item_id: itemId, output_index: outputIndex, content_index: 0 };
    const steps: { atMs: number; write: () => void }[] = [];
    const at = (atMs: number, write: () => void) => steps.push({ atMs, write });

    if (!lead) at(createdAt, () => this.emit(createdAt, 'response.created', { response: responseObject(answer, 'in_progress', []) }));
    at(createdAt + 2, () =>
      this.emit(createdAt + 2, 'response.output_item.added', { response_id: responseId, output_index: outputIndex, item: assistantItem(answer, 'in_progress', null) }),
    );
    at(createdAt + 3, () =>
      this.emit(createdAt + 3, 'conversation.item.added', { previous_item_id: previousItemId, item: assistantItem(answer, 'in_progress', null) }),
    );
    at(createdAt + 4, () =>
      this.emit(createdAt + 4, 'response.content_part.added', { ...part, part: audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' } }),
    );

    const firstAt = createdAt + (options.firstDeltaMs ?? 250);
    const deltas = splitText(text, options.deltas);
    // Spoken answers stream as fast as audio is generated; text-only ones at a reading pace.
    const generationMs = audio ? audioMs / this.speed : Math.max(100, deltas.length * 25);
    const spoken = deltas.map((delta, i) => ({ atMs: firstAt + (i * generationMs) / Math.max(1, deltas.length), delta }));
    for (const { atMs, delta } of spoken) {
      at(atMs, () => this.emit(atMs, audio ? 'response.output_audio_transcript.delta' : 'response.output_text.delta', { ...part, delta }));
    }
    if (audio) {
      const chunks = Math.ceil(audioMs / this.chunkMs);
      for (let i = 0; i < chunks; i++) {
        const chunkAt = firstAt + (i * this.chunkMs) / this.speed;
        const offset = i * this.chunkMs;
        const length = Math.min(this.chunkMs, audioMs - offset);
        if (this.flavor !== 'webrtc') {
          at(chunkAt, () => this.emit(chunkAt, 'response.output_audio.delta', { ...part, delta: this.audioPayload(length, offset) }));
        }
      }
      at(firstAt, () => this.playback(firstAt, 'started', answer));
    }

    const doneAt = firstAt + generationMs;
    const playEnd = audio ? Math.max(firstAt + audioMs, doneAt) : doneAt;
    const cutAt = cutAfterMs === undefined ? Infinity : firstAt + cutAfterMs;
    // Stable sort: equal times keep the order above (transcript before audio, started after the first chunk).
    steps.sort((a, b) => a.atMs - b.atMs);
    for (const step of steps) if (step.atMs < cutAt) step.write();

    if (cutAt > doneAt + 6) this.finishAnswer(doneAt, answer, 'completed', text, audioMs);
    if (cutAfterMs === undefined) {
      if (audio) this.playback(playEnd, 'stopped', answer, audioMs);
      this.t = playEnd;
      this.silenceStart = playEnd;
      return undefined;
    }
    const heard = spoken.filter((entry) => entry.atMs < cutAt).map((entry) => entry.delta).join('');
    return { ...answer, cutAt, afterMs: cutAfterMs, heard, stillGenerating: cutAt <= doneAt + 6, audioMs };
  }

  /** Sequence C: the user's `speech_started`, the server ends the response, the item is truncated. */
  interruption(cut: ResponseCut, text: string, options: UserSaysOptions = {}): void {
    this.userSpeech(text, options, cut.cutAt);
    const at = cut.cutAt;
    this.playback(at + 1, 'interrupted', cut, Math.round(cut.afterMs));
    if (cut.stillGenerating) this.finishAnswer(at + 2, cut, 'incomplete', cut.heard, cut.audioMs);
    this.emit(at + 20, 'conversation.item.truncated', { item_id: cut.itemId, content_index: 0, audio_end_ms: Math.round(cut.afterMs) });
  }

  /** The `.done` cascade of an answer: completed, or cancelled by the user (`incomplete` item). */
  private finishAnswer(at: number, answer: AnswerIds, status: 'completed' | 'incomplete', text: string, audioMs: number): void {
    const part = { response_id: answer.responseId, item_id: answer.itemId, output_index: answer.outputIndex, content_index: 0 };
    if (answer.audio) {
      this.emit(at, 'response.output_audio.done', { ...part });
      this.emit(at, 'response.output_audio_transcript.done', { ...part, transcript: text });
      this.emit(at + 1, 'response.content_part.done', { ...part, part: { type: 'audio', transcript: text } });
    } else {
      this.emit(at, 'response.output_text.done', { ...part, text });
      this.emit(at + 1, 'response.content_part.done', { ...part, part: { type: 'text', text } });
    }
    const item = assistantItem(answer, status, text);
    this.emit(at + 2, 'conversation.item.done', { previous_item_id: answer.previousItemId, item });
    this.emit(at + 3, 'response.output_item.done', { response_id: answer.responseId, output_index: answer.outputIndex, item });
    const outputTokens = Math.ceil(text.length / 4) + (answer.audio ? Math.ceil(audioMs / 50) : 0);
    const cancelled = status === 'incomplete';
    this.emit(at + 4, 'response.done', {
      response: {
        ...responseObject(answer, cancelled ? 'cancelled' : 'completed', [...answer.leadOutput, item]),
        status_details: cancelled ? { type: 'cancelled', reason: 'turn_detected' } : null,
        usage: usage(220, outputTokens, answer.audio),
      },
    });
    this.tokensRemaining = Math.max(0, this.tokensRemaining - 220 - outputTokens);
    this.emit(at + 5, 'rate_limits.updated', {
      rate_limits: [
        { name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 },
        { name: 'tokens', limit: 40000, remaining: this.tokensRemaining, reset_seconds: 1.2 },
      ],
    });
  }

  /** PROTOCOL.md sequence B: timeout, commit of the silent item, then the server's own response. */
  idleTimeout(options: IdleTimeoutOptions = {}, cutAfterMs?: number): ResponseCut | undefined {
    if (this.sessionKnown && this.sessionIdleMs === null) {
      throw new Error(
        'idleTimeout(): the session has no idle timeout (semantic VAD, no turn detection, or idleTimeoutMs off), ' +
          'so the server never sends input_audio_buffer.timeout_triggered. Use sessionCreated({ idleTimeoutMs }) with server VAD, ' +
          'or silence() to script a client-side timeout.',
      );
    }
    const idleMs = options.idleMs ?? this.sessionIdleMs ?? this.options.idleTimeoutMs ?? 8000;
    const firedAt = Math.max(this.t, this.silenceStart + idleMs);
    const itemId = this.ids.next('item');
    this.emit(firedAt, 'input_audio_buffer.timeout_triggered', {
      audio_start_ms: this.ms(this.silenceStart),
      audio_end_ms: this.ms(firedAt),
      item_id: itemId,
    });
    this.commitUserItem(firedAt + 2, itemId);
    this.t = firedAt + 5;
    this.silenceStart = firedAt;
    if (options.reprompt === false) return undefined;
    return this.response(options.reprompt ?? 'Are you still there?', options.response, cutAfterMs);
  }

  /**
   * A response whose output is these function calls, one after the other, arguments streamed.
   * Returns who they are, for a wait on their outputs.
   */
  toolCalls(calls: readonly ToolCallWrite[]): { callId: string; name: string }[] {
    const responseId = this.ids.next('resp');
    const createdAt = this.t + 30;
    const response = {
      object: 'realtime.response',
      id: responseId,
      conversation_id: 'conv_' + responseId.slice(5),
      output_modalities: ['audio'],
      max_output_tokens: 'inf' as const,
      metadata: null,
    };
    this.emit(createdAt, 'response.created', { response: { ...response, status: 'in_progress', status_details: null, output: [], usage: null } });
    let at = createdAt + 2;
    const output: ConversationItem[] = [];
    const written: { callId: string; name: string }[] = [];
    calls.forEach((call, outputIndex) => {
      const { name, args } = call;
      const itemId = this.ids.next('item');
      const callId = call.callId ?? this.ids.next('call', 16);
      written.push({ callId, name });
      const previousItemId = this.lastItemId;
      this.lastItemId = itemId;
      const item = (status: 'in_progress' | 'completed', sofar: string) => ({
        id: itemId,
        object: ITEM,
        type: 'function_call' as const,
        status,
        name,
        call_id: callId,
        arguments: sofar,
      });
      const ids = { response_id: responseId, item_id: itemId, output_index: outputIndex, call_id: callId };
      this.emit(at, 'response.output_item.added', { response_id: responseId, output_index: outputIndex, item: item('in_progress', '') });
      this.emit(at + 1, 'conversation.item.added', { previous_item_id: previousItemId, item: item('in_progress', '') });
      at += outputIndex === 0 ? 118 : 40;
      for (const delta of splitText(args, call.deltas ?? 4)) {
        this.emit(at, 'response.function_call_arguments.delta', { ...ids, delta });
        at += 15;
      }
      this.emit(at, 'response.function_call_arguments.done', { ...ids, name, arguments: args });
      this.emit(at + 1, 'conversation.item.done', { previous_item_id: previousItemId, item: item('completed', args) });
      this.emit(at + 2, 'response.output_item.done', { response_id: responseId, output_index: outputIndex, item: item('completed', args) });
      output.push(item('completed', args));
      at += 3;
    });
    const argsLength = calls.reduce((sum, call) => sum + call.args.length, 0);
    this.emit(at, 'response.done', {
      response: { ...response, status: 'completed', status_details: null, output, usage: usage(240, Math.ceil(argsLength / 3), false) },
    });
    this.t = at + 1;
    this.silenceStart = this.t;
    return written;
  }

  /**
   * A response whose output is an `mcp_approval_request` item (the model asks before calling a
   * remote MCP tool). Returns the request's id (the item id), for a wait on the approval.
   */
  mcpApprovalRequest(serverLabel: string, name: string, args: string): string {
    const responseId = this.ids.next('resp');
    const itemId = this.ids.next('mcpr');
    const createdAt = this.t + 30;
    const previousItemId = this.lastItemId;
    this.lastItemId = itemId;
    const item = { id: itemId, object: ITEM, type: 'mcp_approval_request' as const, server_label: serverLabel, name, arguments: args };
    const response = mcpResponseObject(responseId);
    this.emit(createdAt, 'response.created', { response: { ...response, status: 'in_progress', output: [] } });
    this.emit(createdAt + 2, 'response.output_item.added', { response_id: responseId, output_index: 0, item });
    this.emit(createdAt + 3, 'conversation.item.added', { previous_item_id: previousItemId, item });
    this.emit(createdAt + 150, 'conversation.item.done', { previous_item_id: previousItemId, item });
    this.emit(createdAt + 151, 'response.output_item.done', { response_id: responseId, output_index: 0, item });
    this.emit(createdAt + 152, 'response.done', {
      response: { ...response, status: 'completed', output: [item], usage: usage(260, Math.ceil(args.length / 3) + 8, false) },
    });
    this.t = createdAt + 153;
    this.silenceStart = this.t;
    return itemId;
  }

  /**
   * The response the server starts once an approval request was approved: the `mcp_call`
   * (arguments, in progress, then completed with its output or failed with its error), then
   * the assistant's `followUp` in the same response.
   */
  approvedMcpCall(
    call: { approvalRequestId: string; serverLabel: string; name: string; args: string },
    result: { output: string } | { error: { type: string; code: number | string | null; message: string } },
    followUp: (output: string) => string,
    followUpOptions?: AssistantSaysOptions,
  ): void {
    const responseId = this.ids.next('resp');
    const itemId = this.ids.next('mcp');
    const createdAt = this.t + 30;
    const previousItemId = this.lastItemId;
    this.lastItemId = itemId;
    const base = {
      id: itemId,
      object: ITEM,
      type: 'mcp_call' as const,
      server_label: call.serverLabel,
      name: call.name,
      approval_request_id: call.approvalRequestId,
    };
    const running = { ...base, arguments: '', output: null, error: null };
    const done = 'output' in result ? { ...base, arguments: call.args, output: result.output, error: null } : { ...base, arguments: call.args, output: null, error: result.error };
    const ids = { response_id: responseId, item_id: itemId, output_index: 0 };
    this.emit(createdAt, 'response.created', { response: { ...mcpResponseObject(responseId), status: 'in_progress', output: [] } });
    this.emit(createdAt + 2, 'response.output_item.added', { response_id: responseId, output_index: 0, item: running });
    this.emit(createdAt + 3, 'conversation.item.added', { previous_item_id: previousItemId, item: running });
    let at = createdAt + 40;
    for (const delta of splitText(call.args, 2)) {
      this.emit(at, 'response.mcp_call_arguments.delta', { ...ids, delta });
      at += 15;
    }
    this.emit(at, 'response.mcp_call_arguments.done', { ...ids, arguments: call.args });
    this.emit(at + 1, 'response.mcp_call.in_progress', { item_id: itemId, output_index: 0 });
    // The remote server takes a moment to answer.
    at += 400;
    this.emit(at, 'output' in result ? 'response.mcp_call.completed' : 'response.mcp_call.failed', { item_id: itemId, output_index: 0 });
    this.emit(at + 1, 'conversation.item.done', { previous_item_id: previousItemId, item: done });
    this.emit(at + 2, 'response.output_item.done', { response_id: responseId, output_index: 0, item: done });
    this.t = at + 3;
    const text = followUp('output' in result ? result.output : result.error.message);
    this.response(text, { latencyMs: 0, ...followUpOptions }, undefined, { responseId, output: [done] });
  }

  /** The timeline pauses here until the client answered; `resume` writes what follows. */
  waitStep(wait: ScenarioWait, resume: (answers: ScenarioAnswers) => ScenarioStep[]): void {
    this.push(this.t, { atMs: this.t, wait, resume });
  }

  /**
   * A factory of writers that go on from here (same conversation, session and audio position,
   * time 0 = now), each with the same ids for a seeded scenario: what a wait resumes with.
   */
  continuation(): () => ScenarioWriter {
    const state = {
      lastItemId: this.lastItemId,
      sessionIdleMs: this.sessionIdleMs,
      sessionKnown: this.sessionKnown,
      sessionId: this.sessionId,
      tokensRemaining: this.tokensRemaining,
      audioOffsetMs: this.audioOffsetMs + this.t,
      silenceStart: this.silenceStart - this.t,
    };
    // Seeded: a seed drawn from this writer's ids, so every resume makes the same ids.
    const seed = this.options.seed === undefined ? undefined : hashId(this.ids.next('fork'));
    const { after: _after, ...options } = this.options;
    return () => {
      const writer = new ScenarioWriter(options);
      Object.assign(writer, state);
      writer.ids = seed === undefined ? createUniqueIdFactory() : createIdFactory(seed);
      return writer;
    };
  }

  error(options: ErrorOptions = {}): void {
    this.emit(this.t, 'error', {
      error: {
        type: options.type ?? 'invalid_request_error',
        code: options.code === undefined ? 'invalid_value' : options.code,
        message: options.message ?? 'Invalid value for session.audio.input.turn_detection.idle_timeout_ms.',
        param: options.param === undefined ? null : options.param,
        event_id: options.eventId === undefined ? null : options.eventId,
      },
    });
    this.t += 1;
  }

  drop(error = 'The server closed the connection'): void {
    // A closed connection delivers nothing more: late events already written (a transcription
    // still on its way) are lost with it.
    for (let i = this.steps.length - 1; i >= 0; i--) if (this.steps[i]!.atMs > this.t) this.steps.splice(i, 1);
    this.push(this.t, { atMs: this.t, transport: 'drop', error });
  }

  private commitUserItem(at: number, itemId: string): void {
    const previousItemId = this.lastItemId;
    this.lastItemId = itemId;
    const item = {
      id: itemId,
      object: ITEM,
      type: 'message' as const,
      status: 'completed' as const,
      role: 'user' as const,
      content: [{ type: 'input_audio' as const, transcript: null }],
    };
    this.emit(at, 'input_audio_buffer.committed', { previous_item_id: previousItemId, item_id: itemId });
    this.emit(at + 1, 'conversation.item.added', { previous_item_id: previousItemId, item });
    this.emit(at + 2, 'conversation.item.done', { previous_item_id: previousItemId, item });
  }

  /** Playback start/end: the server says it over WebRTC; over WebSocket the client's player does. */
  private playback(at: number, type: 'started' | 'stopped' | 'interrupted', answer: AnswerIds, playedMs?: number): void {
    if (this.flavor === 'websocket') {
      const event: PlaybackEvent =
        type === 'started'
          ? { type, itemId: answer.itemId, responseId: answer.responseId }
          : { type, itemId: answer.itemId, responseId: answer.responseId, playedMs: playedMs ?? 0 };
      this.push(at, { atMs: at, playback: event });
    } else if (type === 'started') {
      this.emit(at, 'output_audio_buffer.started', { response_id: answer.responseId });
    } else if (type === 'stopped') {
      this.emit(at, 'output_audio_buffer.stopped', { response_id: answer.responseId });
    } else {
      this.emit(at, 'output_audio_buffer.cleared', { response_id: answer.responseId });
    }
  }

  private audioPayload(lengthMs: number, offsetMs: number): string {
    if (this.options.audio === 'placeholder') return 'AAAAAAAAAAAAAAAA'; // 12 bytes of PCM silence
    return createPcmChunk(lengthMs, offsetMs);
  }

  /** A wire audio position (session time, whole ms) of a time on this timeline. */
  private ms(atMs: number): number {
    return Math.round(this.audioOffsetMs + atMs);
  }

  private emit<T extends ServerEventType>(atMs: number, type: T, fields: EventFields<T>): void {
    const event = { type, event_id: this.ids.next('event'), ...fields } as unknown as ServerEvent;
    this.push(atMs, { atMs: Math.round(atMs), event });
  }

  private push(atMs: number, step: ScenarioStep): void {
    step.atMs = Math.round(atMs);
    this.steps.push({ atMs: step.atMs, seq: this.seq++, step });
  }
}


/** FNV-1a of an id: a seed for the ids of a continuation. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function mcpResponseObject(responseId: string) {
  return {
    object: 'realtime.response',
    id: responseId,
    status_details: null,
    conversation_id: 'conv_' + responseId.slice(5),
    output_modalities: ['audio'],
    max_output_tokens: 'inf' as const,
    usage: null,
    metadata: null,
  };
}

function responseObject(answer: AnswerIds, status: 'in_progress' | 'completed' | 'cancelled', output: ConversationItem[]) {
  return {
    object: 'realtime.response',
    id: answer.responseId,
    status,
    status_details: null,
    output,
    conversation_id: 'conv_' + answer.responseId.slice(5),
    output_modalities: [answer.audio ? 'audio' : 'text'],
    max_output_tokens: 'inf' as const,
    audio: { output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'marin' } },
    usage: null,
    metadata: null,
  };
}

function assistantItem(answer: AnswerIds, status: 'in_progress' | 'completed' | 'incomplete', text: string | null) {
  return {
    id: answer.itemId,
    object: ITEM,
    type: 'message' as const,
    status,
    role: 'assistant' as const,
    content:
      text === null
        ? []
        : answer.audio
          ? [{ type: 'output_audio' as const, transcript: text }]
          : [{ type: 'output_text' as const, text }],
  };
}

function usage(inputTokens: number, outputTokens: number, audio: boolean) {
  return {
    total_tokens: inputTokens + outputTokens,
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    input_token_details: { text_tokens: inputTokens - 40, audio_tokens: 40, cached_tokens: 0, cached_tokens_details: { text_tokens: 0, audio_tokens: 0, image_tokens: 0 } },
    output_token_details: audio
      ? { text_tokens: Math.ceil(outputTokens / 4), audio_tokens: outputTokens - Math.ceil(outputTokens / 4) }
      : { text_tokens: outputTokens, audio_tokens: 0 },
  };
}
