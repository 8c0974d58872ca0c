import type { SessionConfig } from '../../protocol/index.ts';
import type { TimerHandle } from '../clock.ts';
import { readState, send, type SessionContext } from '../context/sessionContext.ts';
import { runTransaction } from '../context/transaction.ts';
import { sendSessionUpdate } from '../config/sessionConfigSync.ts';
import { serverArmedByDesire } from '../idle/sessionIdle.ts';
import { applyTranscript } from '../transcript/applyTranscript.ts';
import { withToolState } from '../transcript/transcriptReducer.ts';
import { replaceTranscriptItem } from '../transcript/createTranscriptState.ts';
import type { RealtimeError } from '../events/realtimeError.ts';
import { sameDeclarations, withClientTools } from './clientToolDeclarations.ts';
import { errorOutput, parseToolArguments, serializeToolResult, toolErrorSource, toolMessages, type ToolArguments } from './toolCallOutput.ts';
import type {
  AnyClientTool,
  ClientToolDeclaration,
  ToolCallRequest,
  ToolErrorCode,
  ToolRuntime,
  ToolRuntimeHost,
} from './toolTypes.ts';

/** A call `execute` is running. */
interface RunningCall {
  readonly request: ToolCallRequest;
  readonly tool: AnyClientTool;
  readonly controller: AbortController;
  timer: TimerHandle | null;
}

/** The calls of one conversation response, until its follow-up `response.create` is due. */
interface CallingResponse {
  /** Calls of this response still without an output (running, or left to the app). */
  open: number;
  /** Its `response.done` arrived. */
  done: boolean;
  /** False once the user's turn took over (an interruption, the response cancelled): no follow-up. */
  followUp: boolean;
}

/** Whether the app declared a function of this name itself (`config.tools`, `updateSession`): its call is the app's to answer. */
function declaredByApp(ctx: SessionContext, name: string): boolean {
  return ctx.desired?.tools?.some((tool) => tool.type === 'function' && tool.name === name) ?? false;
}

/** How a call ended, before it is turned into an output. */
type Outcome = { ok: true; result: unknown; output: string } | { ok: false; code: ToolErrorCode; message: string };

/**
 * The client tool runtime of one session (see `ToolRuntime` for when the session calls each
 * hook). Reached only through `defineTool`'s `'~runtime'`, so a page without tools never loads it.
 *
 * - Declarations: the tools registered now, by name (a later registration of a name wins), sent
 *   with every connect's `session.update` and every `updateSession` patch that has `tools`;
 *   a change while connected sends one `session.update` per burst (a microtask later).
 * - Calls: `execute` runs a microtask after the call arrived (outside the wire handler), with a
 *   signal aborted by a timeout, an interruption or a disconnect. Each call's output goes as soon
 *   as it has one; the calling response's one `response.create` goes once that response is done
 *   and every call it made has an output, unless the user's turn took over.
 */
export function createToolRuntime(host: ToolRuntimeHost): ToolRuntime {
  const ctx = host.ctx as SessionContext;
  const { session } = host;
  /** Registrations in order; each is its own object, so the same tool can be registered twice. */
  const registrations: { tool: AnyClientTool }[] = [];
  /** What the server was last told (null: nothing this connection). */
  let declared: readonly ClientToolDeclaration[] | null = null;
  let flushQueued = false;
  const running = new Map<string, RunningCall>();
  const responses = new Map<string, CallingResponse>();
  /** Calls to unknown tools left to the app (`unknownToolCalls: 'app'`): call id to response id. */
  const appCalls = new Map<string, string>();
  /**
   * The user's turn interrupted the conversation response still running. The server may still
   * send its calls (`function_call_arguments.done` is also emitted for a cancelled response,
   * with the arguments cut where they stopped): those are not run.
   */
  let interruptedResponse = false;

  function currentTools(): Map<string, AnyClientTool> {
    const byName = new Map<string, AnyClientTool>();
    for (const { tool } of registrations) byName.set(tool.name, tool);
    return byName;
  }

  function currentDeclarations(): ClientToolDeclaration[] {
    return Array.from(currentTools().values(), (tool) => tool.declaration);
  }

  function scheduleDeclare(): void {
    if (flushQueued) return;
    flushQueued = true;
    queueMicrotask(() => {
      flushQueued = false;
      runTransaction(ctx, redeclare);
    });
  }

  function redeclare(): void {
    if (readState(ctx).status !== 'connected') return; // the next connect declares them
    const list = currentDeclarations();
    if (sameDeclarations(declared, list)) return;
    declared = list;
    sendSessionUpdate(ctx, { tools: withClientTools(ctx.desired, list).tools }, serverArmedByDesire(ctx));
  }

  function callingResponse(responseId: string): CallingResponse {
    let response = responses.get(responseId);
    if (!response) responses.set(responseId, (response = { open: 0, done: false, followUp: true }));
    return response;
  }

  /** The response's follow-up, once it is done and every call it made has an output. */
  function followUpWhenAnswered(responseId: string): void {
    const response = responses.get(responseId);
    if (!response || !response.done || response.open > 0) return;
    responses.delete(responseId);
    // A `response.create` already waits for the active response's end (text the user sent): it reads these outputs too.
    if (!response.followUp || ctx.responseCreateDeferred || readState(ctx).status !== 'connected') return;
    if (readState(ctx).responding || ctx.responseRequested) {
      // Another conversation response runs, or was asked for and has not started (text the user
      // sent): the server refuses a second. The one after it reads these outputs.
      ctx.responseCreateDeferred = true;
      ctx.responseDue = true;
    } else if (send(ctx, { type: 'response.create' })) {
      ctx.responseDue = ctx.responseRequested = true;
    }
  }

  /** The call's row: where it stands, its output, and the error it failed with. */
  function markRow(itemId: string, state: 'completed' | 'failed', output: string | undefined, error?: RealtimeError): void {
    const { transcript } = readState(ctx);
    const row = transcript.get(itemId);
    if (!row?.tool) return;
    let update = withToolState(transcript, row, state, output);
    if (error) {
      const item = { ...update.item, error };
      update = { transcript: replaceTranscriptItem(transcript, item), item, added: false };
    }
    applyTranscript(ctx, update, true);
  }

  /** Answer a call: send its output (unless disconnected), update its row, report it. */
  function answer(request: ToolCallRequest, outcome: Outcome, sendOutput: boolean): void {
    const output = outcome.ok ? outcome.output : sendOutput ? errorOutput(outcome.message) : '';
    const sent =
      sendOutput &&
      send(ctx, { type: 'conversation.item.create', item: { type: 'function_call_output', call_id: request.callId, output } });
    ctx.pendingTools.delete(request.callId);
    const { callId, name, itemId, responseId } = request;
    if (outcome.ok) {
      markRow(itemId, 'completed', output);
      ctx.emitter.enqueue({ type: 'tool_result', callId, name, itemId, responseId, output, sent, status: 'completed', result: outcome.result });
    } else {
      const error = { source: toolErrorSource(outcome.code), code: outcome.code, message: outcome.message };
      markRow(itemId, 'failed', output || undefined, error);
      ctx.emitter.enqueue({ type: 'tool_result', callId, name, itemId, responseId, output, sent, status: 'failed', error });
    }
  }

  /** End a running call once: later settles (a late resolve after a timeout) find it gone. */
  function finish(call: RunningCall, outcome: Outcome, how: 'answer' | 'abort' | 'disconnect'): void {
    if (running.get(call.request.callId) !== call) return;
    running.delete(call.request.callId);
    if (call.timer !== null) ctx.clock.clearTimeout(call.timer);
    if (!outcome.ok && how !== 'answer') {
      call.controller.abort(new DOMException(outcome.message, outcome.code === 'tool_timeout' ? 'TimeoutError' : 'AbortError'));
    }
    answer(call.request, outcome, how !== 'disconnect');
    if (how === 'disconnect') return;
    const response = responses.get(call.request.responseId);
    if (!response) return;
    response.open--;
    // The user's turn leads: their answer will read this output, no follow-up of ours.
    if (how === 'abort' && outcome.ok === false && outcome.code === 'tool_aborted') response.followUp = false;
    followUpWhenAnswered(call.request.responseId);
  }

  function settle(call: RunningCall, result: unknown): void {
    runTransaction(ctx, () => {
      const output = serializeToolResult(result);
      finish(
        call,
        output === null ? { ok: false, code: 'tool_failed', message: toolMessages.notSerializable(call.tool.name) } : { ok: true, result, output },
        'answer',
      );
    });
  }

  function reject(call: RunningCall, cause: unknown): void {
    runTransaction(ctx, () => finish(call, { ok: false, code: 'tool_failed', message: toolMessages.failed(cause) }, 'answer'));
  }

  function start(request: ToolCallRequest, tool: AnyClientTool, parsed: ToolArguments | Promise<ToolArguments>): void {
    const call: RunningCall = { request, tool, controller: new AbortController(), timer: null };
    running.set(request.callId, call);
    callingResponse(request.responseId).open++;
    const { timeoutMs } = tool;
    if (timeoutMs !== null) {
      call.timer = ctx.clock.setTimeout(() => {
        runTransaction(ctx, () => finish(call, { ok: false, code: 'tool_timeout', message: toolMessages.timeout(tool.name, timeoutMs) }, 'abort'));
      }, timeoutMs);
    }
    const context = { signal: call.controller.signal, callId: request.callId, session };
    let invalid: string | null = null;
    // A microtask later: `execute` runs outside the wire handler's transaction, after the
    // state that shows the call running was committed; a synchronous throw becomes a rejection.
    // Arguments a schema with async checks validates arrive later, and may fail validation.
    Promise.resolve(parsed)
      .then((args) => {
        if (running.get(request.callId) !== call) return undefined;
        if (!args.ok) return void (invalid = args.message);
        return tool.execute(args.args, context);
      })
      .then(
        (result) =>
          invalid === null
            ? settle(call, result)
            : runTransaction(ctx, () => finish(call, { ok: false, code: 'invalid_tool_arguments', message: invalid as string }, 'answer')),
        (cause: unknown) => reject(call, cause),
      );
  }

  function abortAll(code: 'tool_aborted', message: (name: string) => string): void {
    for (const call of [...running.values()]) finish(call, { ok: false, code, message: message(call.tool.name) }, 'abort');
  }

  return {
    register(tool) {
      const registration = { tool };
      registrations.push(registration);
      scheduleDeclare();
      return () => {
        const index = registrations.indexOf(registration);
        if (index < 0) return;
        registrations.splice(index, 1);
        scheduleDeclare();
      };
    },

    onCall(request) {
      const { callId, name, responseId } = request;
      if (running.has(callId) || appCalls.has(callId)) return running.has(callId);
      const tool = currentTools().get(name);
      if (!tool) {
        if (ctx.unknownToolCalls === 'app' || declaredByApp(ctx, name)) {
          appCalls.set(callId, responseId);
          callingResponse(responseId).open++;
          return false;
        }
        callingResponse(responseId);
        answer(request, { ok: false, code: 'unknown_tool', message: toolMessages.unknown(name) }, true);
        return true;
      }
      if (interruptedResponse) {
        callingResponse(responseId).followUp = false;
        answer(request, { ok: false, code: 'tool_aborted', message: toolMessages.interrupted(name) }, true);
        return true;
      }
      const parsed = parseToolArguments(tool, request.arguments);
      if (!(parsed instanceof Promise) && !parsed.ok) {
        callingResponse(responseId);
        answer(request, { ok: false, code: 'invalid_tool_arguments', message: parsed.message }, true);
        return true;
      }
      start(request, tool, parsed);
      return true;
    },

    onOutputSent(callId) {
      const appResponse = appCalls.get(callId);
      if (appResponse !== undefined) {
        appCalls.delete(callId);
        const response = responses.get(appResponse);
        if (response) response.open--;
        followUpWhenAnswered(appResponse);
        return;
      }
      // The app answered a call the runtime was running: its output stands, ours is not sent.
      const call = running.get(callId);
      if (!call) return;
      running.delete(callId);
      if (call.timer !== null) ctx.clock.clearTimeout(call.timer);
      call.controller.abort(new DOMException('The app answered the call itself.', 'AbortError'));
      const response = responses.get(call.request.responseId);
      if (response) response.open--;
      followUpWhenAnswered(call.request.responseId);
    },

    onResponseStarted() {
      interruptedResponse = false;
      // A new response means the app answered the calls it handles itself; the runtime's own
      // calls still run (and keep the agent `tool_running`, the idle clock paused).
      for (const callId of ctx.pendingTools) if (!running.has(callId)) ctx.pendingTools.delete(callId);
    },

    onResponseDone(responseId, status) {
      interruptedResponse = false;
      const response = responses.get(responseId);
      if (!response) return;
      response.done = true;
      if (status === 'cancelled') {
        response.followUp = false;
        for (const call of [...running.values()]) {
          if (call.request.responseId === responseId) {
            finish(call, { ok: false, code: 'tool_aborted', message: toolMessages.interrupted(call.tool.name) }, 'abort');
          }
        }
      }
      followUpWhenAnswered(responseId);
    },

    onInterrupt() {
      if (readState(ctx).responding) interruptedResponse = true;
      if (responses.size === 0) return;
      for (const response of responses.values()) response.followUp = false;
      abortAll('tool_aborted', toolMessages.interrupted);
    },

    onDisconnect() {
      for (const call of [...running.values()]) {
        finish(call, { ok: false, code: 'tool_aborted', message: toolMessages.disconnected(call.tool.name) }, 'disconnect');
      }
      responses.clear();
      appCalls.clear();
      interruptedResponse = false;
      declared = null;
    },

    declare(config: SessionConfig | undefined): SessionConfig {
      const list = currentDeclarations();
      declared = list;
      return withClientTools(config, list);
    },
  };
}
