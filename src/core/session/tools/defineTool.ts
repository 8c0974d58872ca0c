import { toJSONSchema } from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { RealtimeConfigError, errorText } from '../../protocol/errors.ts';
import { createToolRuntime } from './createToolRuntime.ts';
import type { ClientTool, ClientToolDeclaration, DefineToolOptions } from './toolTypes.ts';

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** The tool's timeout when `timeoutMs` is not given. */
export const DEFAULT_TOOL_TIMEOUT_MS = 30_000;

/**
 * Define a client tool: a function the model calls and the browser runs. Give it to
 * `createRealtimeSession({ tools })`, the `tools` prop of `RealtimeProvider`, `session.registerTool`
 * or `useClientTool`.
 *
 * - `parameters` is any zod 4 schema (classic `zod` or `zod/mini`) of an object. It is declared
 *   to the model as JSON Schema, computed once here by zod's own `toJSONSchema` (input side:
 *   what the model must send; defaults and optional fields are not required). The call's
 *   arguments are validated with it before `execute` runs; `execute` gets the parsed output.
 *   Empty arguments (`""`) read as `{}`.
 * - `execute(args, { signal, callId, session })` returns the result or a promise of it. A string
 *   is sent to the model as it is; anything else as JSON (`undefined` as `null`). A result that
 *   is not JSON (a BigInt, a cycle, a function) fails the call (`tool_failed`).
 * - `timeoutMs`: answer with a `tool_timeout` error and abort `signal` after this long
 *   (session clock). Default 30000; `null` never times out.
 *
 * Every failed call (bad arguments, unknown tool, a throw, a timeout, an interruption) is
 * answered with the output `{"error":"<message>"}` so the model can go on, and reported as a
 * `tool_result` session event with `status: 'failed'` and a {@link ToolErrorCode}.
 *
 * Throws `RealtimeConfigError`, naming the tool, for a name the API refuses
 * (`^[a-zA-Z0-9_-]{1,64}$`), `parameters` that are not a zod schema, a schema JSON Schema cannot
 * express (a `z.date()`, a `z.bigint()`...) or that is not of an object, a `description` that is
 * not a string, an `execute` that is not a function, or a bad `timeoutMs`.
 *
 * Declared on every connect and kept through `updateSession({ tools })`; on a name clash with a
 * function in your own `config.tools`, the client tool is the one declared (its schema is the
 * one calls are validated with). Out-of-band responses' calls are left to the app.
 *
 * The returned tool is frozen. Define it at module level, or keep at least its schema there: a
 * tool defined inline in a component (for `useClientTool`) is defined again on each render, and
 * its schema is converted to JSON Schema only the first time that schema object is seen.
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 *
 * const getWeather = defineTool({
 *   name: 'get_weather',
 *   description: 'Current weather for a city.',
 *   parameters: z.object({ city: z.string() }),
 *   execute: async ({ city }, { signal }) => {
 *     const response = await fetch(`/api/weather?city=${encodeURIComponent(city)}`, { signal });
 *     return (await response.json()) as { tempC: number };
 *   },
 * });
 * const session = createRealtimeSession({ transport, tools: [getWeather] });
 * ```
 */
export function defineTool<Schema extends $ZodType, Result>(options: DefineToolOptions<Schema, Result>): ClientTool<Schema, Result> {
  const { name, description, parameters, execute, timeoutMs } = options;
  const label = typeof name === 'string' ? `"${name}"` : String(name);
  const fail = (path: string, message: string): never => {
    throw new RealtimeConfigError([{ path: `tools.${typeof name === 'string' ? name : '?'}.${path}`, message: `tool ${label}: ${message}` }]);
  };
  if (typeof name !== 'string' || !TOOL_NAME.test(name)) {
    fail('name', 'a tool name must be 1 to 64 letters, digits, "_" or "-"');
  }
  if (typeof description !== 'string') fail('description', 'description must be a string');
  if (typeof execute !== 'function') fail('execute', 'execute must be a function');
  if (timeoutMs !== undefined && timeoutMs !== null && !(typeof timeoutMs === 'number' && timeoutMs > 0 && timeoutMs <= 2_147_483_647)) {
    fail('timeoutMs', 'timeoutMs must be a number of milliseconds (1 to 2^31-1) or null');
  }
  const tool: ClientTool<Schema, Result> = {
    name,
    description,
    parameters,
    execute,
    timeoutMs: timeoutMs === undefined ? DEFAULT_TOOL_TIMEOUT_MS : timeoutMs,
    declaration: Object.freeze({ type: 'function', name, description, parameters: jsonSchemaOf(parameters, fail) }),
    '~runtime': createToolRuntime,
  };
  return Object.freeze(tool);
}

// Converted schemas by schema object: a tool defined inline in a component (`useClientTool`) is
// defined again each render, and with its schema kept at module level it is not converted again.
const declaredParameters = new WeakMap<object, ClientToolDeclaration['parameters']>();

function jsonSchemaOf(parameters: unknown, fail: (path: string, message: string) => never): ClientToolDeclaration['parameters'] {
  // A zod 4 schema, classic or mini, carries its definition in `_zod`.
  if (typeof parameters !== 'object' || parameters === null || !('_zod' in parameters)) {
    return fail('parameters', 'parameters must be a zod 4 schema (classic or mini)');
  }
  let declared = declaredParameters.get(parameters);
  if (declared === undefined) {
    declared = convertParameters(parameters as $ZodType, fail);
    declaredParameters.set(parameters, declared);
  }
  return declared;
}

function convertParameters(parameters: $ZodType, fail: (path: string, message: string) => never): ClientToolDeclaration['parameters'] {
  let schema: Record<string, unknown>;
  try {
    schema = toJSONSchema(parameters, { io: 'input' }) as Record<string, unknown>;
  } catch (cause) {
    return fail('parameters', `its schema cannot be expressed as JSON Schema: ${errorText(cause)}`);
  }
  // The API reads function parameters as an object's JSON Schema, without the dialect tag.
  const { $schema: _dialect, ...declared } = schema;
  if (declared.type !== 'object') fail('parameters', 'parameters must be an object schema (z.object(...))');
  // Shared by every tool defined with this schema: frozen, so no tool can change another's.
  return Object.freeze(declared);
}
