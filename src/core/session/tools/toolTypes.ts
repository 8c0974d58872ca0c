import type { $ZodType, output as ZodOutput } from 'zod/v4/core';
import type { SessionConfig } from '../../protocol/index.ts';
import type { RealtimeError } from '../events/realtimeError.ts';
import type { RealtimeSession } from '../sessionTypes.ts';

// Client tools: functions the model calls and the browser runs. The types live here; the
// runtime that runs them (./createToolRuntime.ts) reaches a page only through `defineTool`, so a
// page without tools pays nothing for it.

/**
 * What `execute` gets besides its arguments.
 *
 * @example
 * ```ts
 * const execute = async ({ city }: { city: string }, { signal }: ToolCallContext) =>
 *   (await fetch(`/api/weather?city=${encodeURIComponent(city)}`, { signal })).json();
 * ```
 */
export interface ToolCallContext {
  /**
   * Aborted when the call no longer matters: the user interrupted (barged in, or the app called
   * `interrupt()`), the connection ended, or the tool's `timeoutMs` passed. Pass it to `fetch`.
   */
  signal: AbortSignal;
  /** The call's `call_id` on the wire. */
  callId: string;
  /** The session that runs the call. */
  session: RealtimeSession;
}

/**
 * What `defineTool` takes.
 *
 * @example
 * ```ts
 * const options: DefineToolOptions<typeof weatherArgs, { tempC: number }> = {
 *   name: 'get_weather',
 *   description: 'Current weather for a city.',
 *   parameters: weatherArgs,
 *   execute: async ({ city }) => ({ tempC: await lookUp(city) }),
 * };
 * ```
 */
export interface DefineToolOptions<Schema extends $ZodType, Result> {
  /** The function name the model calls (`^[a-zA-Z0-9_-]{1,64}$`). */
  name: string;
  /** What the tool does and when to call it: the model reads this. */
  description: string;
  /** A zod 4 schema (classic or mini) of the arguments; declared to the model as JSON Schema. */
  parameters: Schema;
  /**
   * Run the call. Its return value (or what its promise resolves to) is the output the model
   * reads: a string as it is, anything else as JSON. A throw or rejection is answered with
   * its message as an error output.
   */
  execute: (args: ZodOutput<Schema>, context: ToolCallContext) => Result | PromiseLike<Result>;
  /** Answer with a timeout error (and abort `signal`) after this long. Default 30000 ms; null = never. */
  timeoutMs?: number | null;
}

/**
 * The part of a client tool the session's runtime reads. Made by `defineTool`; not built by hand.
 * Kept out of the entries (not exported): apps never name it.
 * @internal
 */
interface ToolRuntimeFactory {
  (attach: ToolRuntimeHost): ToolRuntime;
}

/**
 * A tool the browser runs when the model calls it. Make one with `defineTool`, give it to
 * `createRealtimeSession({ tools })`, the `tools` prop of `RealtimeProvider`, or `useClientTool`.
 *
 * @example
 * ```ts
 * const tools: ClientTool[] = [weatherTool];
 * ```
 */
export interface ClientTool<Schema extends $ZodType = $ZodType, Result = unknown> {
  readonly name: string;
  readonly description: string;
  readonly parameters: Schema;
  readonly execute: (args: ZodOutput<Schema>, context: ToolCallContext) => Result | PromiseLike<Result>;
  readonly timeoutMs: number | null;
  /** The tool's declaration in `session.tools`: `{ type: 'function', name, description, parameters: <JSON Schema> }`. */
  readonly declaration: ClientToolDeclaration;
  /** @internal How a session starts running tools: only apps that define one bundle the runtime. */
  readonly '~runtime': ToolRuntimeFactory;
}

/**
 * Any client tool, whatever its arguments and result (for lists of tools).
 *
 * @example
 * ```ts
 * const tools: readonly AnyClientTool[] = [weatherTool, searchTool];
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClientTool = ClientTool<any, any>;

/**
 * A client tool as the session config declares it to the model.
 *
 * @example
 * ```ts
 * const declared: ClientToolDeclaration = { type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object' } };
 * ```
 */
export interface ClientToolDeclaration {
  type: 'function';
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/**
 * Why a tool call was answered with an error output:
 * - `invalid_tool_arguments`: the arguments were not JSON, or failed the tool's schema (`execute` did not run)
 * - `unknown_tool`: no client tool has that name (see `unknownToolCalls`)
 * - `tool_failed`: `execute` threw or rejected
 * - `tool_timeout`: `execute` took longer than the tool's `timeoutMs`
 * - `tool_aborted`: the user interrupted or the connection ended while it ran
 *
 * @example
 * ```ts
 * const retryable = (code: ToolErrorCode) => code === 'tool_timeout';
 * ```
 */
export type ToolErrorCode = 'invalid_tool_arguments' | 'unknown_tool' | 'tool_failed' | 'tool_timeout' | 'tool_aborted';

/**
 * A client tool call ended: its output was sent (or, after a disconnect, could not be).
 *
 * @example
 * ```ts
 * session.on('tool_result', (event) => {
 *   if (event.status === 'failed') console.warn(event.name, event.error.code, event.error.message);
 * });
 * ```
 */
export type ToolResultEvent = {
  type: 'tool_result';
  callId: string;
  name: string;
  itemId: string;
  responseId: string;
  /** The text sent as the call's `function_call_output` (empty when none could be sent). */
  output: string;
  /** Whether the output reached the transport (false after a disconnect). */
  sent: boolean;
} & (
  | { status: 'completed'; /** What `execute` returned. */ result: unknown }
  | { status: 'failed'; error: RealtimeError & { code: ToolErrorCode } }
);

/**
 * What a session does with a call to a function no client tool has, once it has client tools:
 * `'error'` (default) answers it with an `unknown_tool` error output so the model can go on,
 * unless your own `config.tools` (or an `updateSession` patch) declares a function of that name:
 * such a call is always yours; `'app'` leaves every such call to your `tool_call` handler. Your
 * handler sends only its `function_call_output` through `sendEvent` (the session asks for the
 * next response once every call of the response has its output).
 *
 * @example
 * ```ts
 * createRealtimeSession({ transport, tools: [weatherTool], unknownToolCalls: 'app' });
 * ```
 */
export type UnknownToolCalls = 'error' | 'app';

/**
 * One function call the model made, as the runtime receives it.
 * @internal
 */
export interface ToolCallRequest {
  callId: string;
  name: string;
  arguments: string;
  itemId: string;
  responseId: string;
}

/**
 * What a tool runtime gets from the session it runs in (the session's context and its public object).
 * @internal
 */
export interface ToolRuntimeHost {
  // Typed loosely here so this types file imports no session internals; the runtime casts.
  readonly ctx: unknown;
  readonly session: RealtimeSession;
}

/**
 * The session's hooks into a tool runtime. The session calls them at these points (each inside
 * a transaction); with no runtime attached (no tool ever registered) it calls nothing.
 * @internal
 */
export interface ToolRuntime {
  /** Add a tool (replacing one of the same name); returns its removal. Re-declares on change. */
  register(tool: AnyClientTool): () => void;
  /**
   * `response.function_call_arguments.done` of a conversation response: run the call if the
   * runtime answers it. True when it does (the row shows `tool.state: 'running'`).
   */
  onCall(call: ToolCallRequest): boolean;
  /** A function call the app answered itself (`function_call_output` through `sendEvent`). */
  onOutputSent(callId: string): void;
  /** A conversation response started (`response.created`): calls the app handles count as answered, the runtime's own still run. */
  onResponseStarted(): void;
  /** A conversation response ended (`response.done`): the point after which `response.create` may go. */
  onResponseDone(responseId: string, status: string, output: readonly { type?: unknown; call_id?: unknown; status?: unknown }[]): void;
  /** The user barged in (`speech_started`) or the app called `interrupt()`. */
  onInterrupt(): void;
  /** The connection ended. */
  onDisconnect(): void;
  /** A session config about to be sent (connect, `updateSession`): with the client tools declared. */
  declare(config: SessionConfig | undefined): SessionConfig;
}
