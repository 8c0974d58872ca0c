import type {
  AssistantSaysOptions,
  ErrorOptions,
  IdleTimeoutOptions,
  InterruptionOptions,
  ScenarioOptions,
  SessionOptions,
  ToolCallOptions,
  UserSaysOptions,
} from './scenarioOptions.ts';
import type { ResponseCut } from './ScenarioWriter.ts';
import { ScenarioWriter } from './ScenarioWriter.ts';
import type { ScenarioStep } from './types.ts';

type Action =
  | { kind: 'session'; type: 'session.created' | 'session.updated'; options?: SessionOptions }
  | { kind: 'userSays'; text: string; options?: UserSaysOptions }
  | { kind: 'assistantSays'; text: string; options?: AssistantSaysOptions }
  | { kind: 'silence'; ms: number }
  | { kind: 'idleTimeout'; options?: IdleTimeoutOptions }
  | { kind: 'interruption'; options?: InterruptionOptions }
  | { kind: 'toolCall'; name: string; args: string; options?: ToolCallOptions }
  | { kind: 'error'; options?: ErrorOptions }
  | { kind: 'disconnect'; error?: string };

/**
 * A fluent description of a Realtime conversation that compiles to a timeline of
 * protocol-valid server events (GA names, realistic ids and audio), following the sequences
 * of PROTOCOL.md. Each method starts where the previous one ended; `build()` returns the steps.
 * Create one with {@link scenario}.
 *
 * @example
 * ```ts
 * const builder: ScenarioBuilder = scenario().sessionCreated({ idleTimeoutMs: 8000 });
 * if (withTool) builder.toolCall('get_weather', { city: 'Paris' });
 * const timeline = builder.assistantSays('Here you go.').build();
 * ```
 */
export class ScenarioBuilder {
  private readonly actions: Action[] = [];

  constructor(private readonly options: ScenarioOptions = {}) {}

  /**
   * `session.created`: server VAD by default; pass `idleTimeoutMs` (5000..30000, server VAD only)
   * to turn the idle timeout on. `build()` throws for a value the server would reject.
   */
  sessionCreated(options?: SessionOptions): this {
    return this.add({ kind: 'session', type: 'session.created', options });
  }

  /** `session.updated`, as the server answers a `session.update`. */
  sessionUpdated(options?: SessionOptions): this {
    return this.add({ kind: 'session', type: 'session.updated', options });
  }

  /**
   * The user speaks: `speech_started`, `speech_stopped`, `committed`, the user item, then its
   * transcription a little later (after the next response has started, as on the real wire).
   */
  userSays(text: string, options?: UserSaysOptions): this {
    return this.add({ kind: 'userSays', text, options });
  }

  /**
   * The assistant answers: a whole response with streamed transcript and audio deltas, and
   * `output_audio_buffer.started/stopped` around playback. The next step starts when playback ends.
   */
  assistantSays(text: string, options?: AssistantSaysOptions): this {
    return this.add({ kind: 'assistantSays', text, options });
  }

  /** Nothing happens for `ms` milliseconds. */
  silence(ms: number): this {
    return this.add({ kind: 'silence', ms });
  }

  /**
   * The idle timeout fires `idleMs` after the last playback ended (sequence B): the silent user
   * item is committed and the server answers with a re-prompt by itself. `build()` throws when
   * the scenario's session (here or in `after`) has no server idle timeout: the server would
   * never send it. Without any session event, the scenario's `idleTimeoutMs` (default 8000) is used.
   */
  idleTimeout(options?: IdleTimeoutOptions): this {
    return this.add({ kind: 'idleTimeout', options });
  }

  /**
   * The user cuts into the answer just described (`assistantSays` or an `idleTimeout` re-prompt)
   * after `afterMs` of it was heard (sequence C): `speech_started`, the response is cancelled
   * (`turn_detected`), the assistant item truncated, then the user's words are committed.
   */
  interruption(options?: InterruptionOptions): this {
    const previous = this.actions.at(-1);
    const spoken =
      previous?.kind === 'assistantSays'
        ? previous.options?.modality !== 'text'
        : previous?.kind === 'idleTimeout' && previous.options?.reprompt !== false && previous.options?.response?.modality !== 'text';
    if (!spoken) {
      throw new Error('interruption() must follow assistantSays() or idleTimeout() with a spoken answer');
    }
    return this.add({ kind: 'interruption', options });
  }

  /** The model calls a tool: a response whose output is a `function_call` item with streamed arguments. */
  toolCall(name: string, args: string | Record<string, unknown>, options?: ToolCallOptions): this {
    return this.add({ kind: 'toolCall', name, args: typeof args === 'string' ? args : JSON.stringify(args), options });
  }

  /** A server `error` event. */
  error(options?: ErrorOptions): this {
    return this.add({ kind: 'error', options });
  }

  /** The connection goes away (a transport step, not a wire event): played as `transport.drop()`. */
  disconnect(options?: { error?: string }): this {
    return this.add({ kind: 'disconnect', error: options?.error });
  }

  /**
   * The timeline: steps in time order. With a `seed`, building twice gives equal timelines;
   * without one, each build makes fresh ids (so two builds can be played into one session).
   */
  build(): ScenarioStep[] {
    const writer = new ScenarioWriter(this.options);
    const { actions } = this;
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i]!;
      const next = actions[i + 1];
      const cutAfter = next?.kind === 'interruption' ? (next.options?.afterMs ?? null) : undefined;
      let cut: ResponseCut | undefined;
      switch (action.kind) {
        case 'session':
          writer.session(action.type, action.options);
          break;
        case 'userSays':
          writer.userSpeech(action.text, action.options);
          break;
        case 'assistantSays':
          cut = writer.response(action.text, action.options, resolveCut(cutAfter, action.text, action.options));
          break;
        case 'silence':
          writer.silence(action.ms);
          break;
        case 'idleTimeout': {
          const reprompt = action.options?.reprompt ?? 'Are you still there?';
          const cutAt = typeof reprompt === 'string' ? resolveCut(cutAfter, reprompt, action.options?.response) : undefined;
          cut = writer.idleTimeout(action.options, cutAt);
          break;
        }
        case 'interruption':
          // Written together with the answer it cuts (the previous action).
          break;
        case 'toolCall':
          writer.toolCall(action.name, action.args, action.options);
          break;
        case 'error':
          writer.error(action.options);
          break;
        case 'disconnect':
          writer.drop(action.error);
          break;
      }
      if (cut && next?.kind === 'interruption') {
        writer.interruption(cut, next.options?.userSays ?? 'Wait, sorry.', next.options?.user);
      }
    }
    return writer.timeline();
  }

  private add(action: Action): this {
    this.actions.push(action);
    return this;
  }
}

/** `undefined`: no interruption follows; `null`: one follows with the default cut point. */
function resolveCut(afterMs: number | null | undefined, text: string, options?: AssistantSaysOptions): number | undefined {
  if (afterMs === undefined) return undefined;
  if (afterMs !== null) return afterMs;
  const audioMs = options?.audioMs ?? Math.max(600, text.length * 65);
  return Math.min(1000, Math.round(audioMs / 3));
}

/**
 * Start describing a conversation. The timeline it builds plays on the mock transport with
 * {@link play}, on a virtual clock in tests or a real one (at any speed) in stories.
 *
 * @example
 * ```ts
 * const timeline = scenario()
 *   .sessionCreated({ idleTimeoutMs: 8000 })
 *   .userSays('What is the weather in Paris?')
 *   .assistantSays('It is sunny and 24 degrees.', { audioMs: 2000 })
 *   .idleTimeout() // 8 s after playback ended: "Are you still there?"
 *   .userSays('Yes, sorry!')
 *   .assistantSays('No problem. Anything else?')
 *   .interruption({ afterMs: 600, userSays: 'No, thanks.' })
 *   .disconnect()
 *   .build();
 *
 * const clock = createVirtualClock();
 * const transport = createMockTransport();
 * const session = createRealtimeSession({ transport, clock, idle: { timeoutMs: 8000 } });
 * await session.connect();
 * play(timeline, { transport, clock });
 * clock.advance(60_000);
 * ```
 */
export function scenario(options?: ScenarioOptions): ScenarioBuilder {
  return new ScenarioBuilder(options);
}
