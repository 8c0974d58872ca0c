import type {
  AssistantSaysOptions,
  ErrorOptions,
  IdleTimeoutOptions,
  InterruptionOptions,
  McpApprovalRequestOptions,
  ScenarioOptions,
  SessionOptions,
  ToolCallOptions,
  ToolCallsOptions,
  ToolCallSpec,
  ToolOutputs,
  UserSaysOptions,
} from './scenarioOptions.ts';
import type { ResponseCut, ToolCallWrite } from './ScenarioWriter.ts';
import { ScenarioWriter } from './ScenarioWriter.ts';
import type { ScenarioAnswers, ScenarioStep } from './types.ts';

/** What the assistant says: fixed text, or text made from the tool outputs the app sent so far. */
type SpokenText = string | ((outputs: ToolOutputs) => string);

type Action =
  | { kind: 'session'; type: 'session.created' | 'session.updated'; options?: SessionOptions }
  | { kind: 'userSays'; text: string; options?: UserSaysOptions }
  | { kind: 'assistantSays'; text: SpokenText; options?: AssistantSaysOptions }
  | { kind: 'silence'; ms: number }
  | { kind: 'idleTimeout'; options?: IdleTimeoutOptions }
  | { kind: 'interruption'; options?: InterruptionOptions }
  | { kind: 'toolCalls'; calls: ToolCallWrite[]; wait: boolean; followUp?: SpokenText; followUpOptions?: AssistantSaysOptions }
  | { kind: 'mcpApproval'; options: McpApprovalRequestOptions }
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
   * After a tool call that waits for its output, `text` can be a function of the outputs the
   * app sent (by tool name and by call id): the answer is written when the timeline resumes.
   */
  assistantSays(text: string | ((outputs: ToolOutputs) => string), options?: AssistantSaysOptions): this {
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

  /**
   * The model calls a tool: a response whose output is a `function_call` item with streamed
   * arguments. With `waitForOutput` (or a `followUp`) the timeline then pauses, as a real
   * server would, until the app has sent the call's `function_call_output` and then a
   * `response.create`; the rest (the `followUp` response first) plays from then on.
   *
   * @example
   * ```ts
   * scenario()
   *   .userSays('What is the weather in Paris?')
   *   .toolCall('get_weather', { city: 'Paris' }, {
   *     followUp: (output) => `It is ${JSON.parse(output).tempC} degrees in Paris.`,
   *   })
   *   .build();
   * ```
   */
  toolCall(name: string, args: string | Record<string, unknown>, options: ToolCallOptions = {}): this {
    const { followUp } = options;
    return this.add({
      kind: 'toolCalls',
      calls: [{ name, args: jsonText(args), callId: options.callId, deltas: options.deltas }],
      wait: options.waitForOutput ?? followUp !== undefined,
      followUp: typeof followUp === 'function' ? (outputs) => followUp(outputs[name] ?? '', outputs) : followUp,
      followUpOptions: options.followUpOptions,
    });
  }

  /**
   * The model calls several tools in one response (one `function_call` item each, in order).
   * With `waitForOutput` (or a `followUp`) the timeline pauses until the app has sent every
   * output, in any order, and then one `response.create`.
   *
   * @example
   * ```ts
   * scenario()
   *   .toolCalls([
   *     { name: 'get_weather', args: { city: 'Paris' } },
   *     { name: 'get_time', args: { city: 'Paris' } },
   *   ], { followUp: (outputs) => `${outputs.get_weather} at ${outputs.get_time}` })
   *   .build();
   * ```
   */
  toolCalls(calls: readonly ToolCallSpec[], options: ToolCallsOptions = {}): this {
    if (calls.length === 0) throw new RangeError('toolCalls() needs at least one call');
    return this.add({
      kind: 'toolCalls',
      calls: calls.map((call) => ({ name: call.name, args: jsonText(call.args), callId: call.callId, deltas: call.deltas })),
      wait: options.waitForOutput ?? options.followUp !== undefined,
      followUp: options.followUp,
      followUpOptions: options.followUpOptions,
    });
  }

  /**
   * The model asks before calling a remote MCP tool: a response whose output is an
   * `mcp_approval_request` item. The timeline pauses until the app answers with an
   * `mcp_approval_response` (`session.respondToApproval`); the server then goes on by itself.
   * Approved: a response with the `mcp_call` (arguments, `in_progress`, `completed` with the
   * `output`, or `failed` with the `error`) and the `onApproved` answer. Denied: a response with
   * the `onDenied` answer and no call.
   *
   * @example
   * ```ts
   * scenario()
   *   .userSays('Book the dentist for Friday.')
   *   .mcpApprovalRequest({
   *     serverLabel: 'calendar', name: 'create_event', arguments: { title: 'Dentist', day: 'Friday' },
   *     onApproved: 'Booked for Friday.',
   *     onDenied: 'Okay, I left your calendar alone.',
   *   })
   *   .build();
   * ```
   */
  mcpApprovalRequest(options: McpApprovalRequestOptions): this {
    return this.add({ kind: 'mcpApproval', options });
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
    return compile(new ScenarioWriter(this.options), this.actions, 0, {});
  }

  private add(action: Action): this {
    this.actions.push(action);
    return this;
  }
}

/**
 * Write `actions` from `start` on. At an action that waits for the app, the rest is not
 * written now: the wait step's `resume` writes it, with the answers, when the app has answered.
 */
function compile(writer: ScenarioWriter, actions: readonly Action[], start: number, outputs: ToolOutputs): ScenarioStep[] {
  for (let i = start; i < actions.length; i++) {
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
      case 'assistantSays': {
        const text = typeof action.text === 'function' ? action.text(outputs) : action.text;
        cut = writer.response(text, action.options, resolveCut(cutAfter, text, action.options));
        break;
      }
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
      case 'toolCalls': {
        const calls = writer.toolCalls(action.calls);
        if (!action.wait) break;
        const continueFrom = writer.continuation();
        writer.waitStep({ kind: 'tool_outputs', calls }, (answers) => {
          const known: Record<string, string | undefined> = { ...outputs };
          for (const { callId, name } of calls) {
            const output = answers.outputs.get(callId);
            known[name] = output;
            known[callId] = output;
          }
          const resumed = continueFrom();
          const { followUp } = action;
          if (followUp !== undefined) resumed.response(typeof followUp === 'function' ? followUp(known) : followUp, action.followUpOptions);
          return compile(resumed, actions, i + 1, known);
        });
        return writer.timeline();
      }
      case 'mcpApproval': {
        const { serverLabel, name, followUpOptions } = action.options;
        const args = jsonText(action.options.arguments ?? {});
        const approvalRequestId = writer.mcpApprovalRequest(serverLabel, name, args);
        const continueFrom = writer.continuation();
        writer.waitStep({ kind: 'approval', approvalRequestId, serverLabel, name }, (answers: ScenarioAnswers) => {
          const resumed = continueFrom();
          const decision = answers.approvals.get(approvalRequestId);
          if (decision?.approve) {
            const { error, onApproved = 'Done.' } = action.options;
            const result = error
              ? { error: { type: error.type ?? 'mcp_tool_execution_error', code: error.code ?? null, message: error.message } }
              : { output: action.options.output ?? '{"ok":true}' };
            const say = typeof onApproved === 'function' ? onApproved : () => onApproved;
            resumed.approvedMcpCall({ approvalRequestId, serverLabel, name, args }, result, say, followUpOptions);
          } else {
            const { onDenied = 'Okay, I will not do that.' } = action.options;
            resumed.response(typeof onDenied === 'function' ? onDenied(decision?.reason) : onDenied, followUpOptions);
          }
          return compile(resumed, actions, i + 1, outputs);
        });
        return writer.timeline();
      }
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

function jsonText(args: string | Record<string, unknown>): string {
  return typeof args === 'string' ? args : JSON.stringify(args);
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
