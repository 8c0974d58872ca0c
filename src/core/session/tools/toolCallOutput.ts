import { safeParse, safeParseAsync } from 'zod/mini';
import { describeIssues, errorText } from '../../protocol/errors.ts';
import { kitParseOptions } from '../../protocol/issueMessages.ts';
import type { AnyClientTool, ToolErrorCode } from './toolTypes.ts';

// The text a tool call is answered with, and the arguments it is run with: pure functions,
// so the runtime only decides when, and these what.

/** A call's arguments, parsed and validated; or why they cannot be used. */
export type ToolArguments = { ok: true; args: unknown } | { ok: false; message: string };

/**
 * Parse a call's JSON arguments and validate them with the tool's schema. Empty arguments
 * read as `{}` (a model may send nothing for a tool without parameters). A schema with an
 * async check (or one whose own code throws) cannot be run synchronously: it is run again
 * asynchronously, and the promise rejects with whatever the schema's code threw.
 */
export function parseToolArguments(tool: AnyClientTool, text: string): ToolArguments | Promise<ToolArguments> {
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch (cause) {
    return { ok: false, message: `The arguments of "${tool.name}" are not valid JSON: ${errorText(cause)}` };
  }
  const checked = (result: ReturnType<typeof safeParse>): ToolArguments =>
    result.success ? { ok: true, args: result.data } : { ok: false, message: `Invalid arguments for "${tool.name}": ${describeIssues(result.error.issues)}` };
  try {
    // In English even on zod/mini, which loads no locale: the model reads these messages.
    return checked(safeParse(tool.parameters, json, kitParseOptions));
  } catch {
    return safeParseAsync(tool.parameters, json, kitParseOptions).then(checked);
  }
}

/**
 * The output text of a result: a string as it is, anything else as JSON (`undefined` as
 * `null`). Null when the result is not JSON (a BigInt, a cycle, a function, a symbol).
 */
export function serializeToolResult(result: unknown): string | null {
  if (typeof result === 'string') return result;
  try {
    const json = JSON.stringify(result === undefined ? null : result);
    return typeof json === 'string' ? json : null;
  } catch {
    return null;
  }
}

/** The output text of a failed call, the same shape for every failure: `{"error":"<message>"}`. */
export function errorOutput(message: string): string {
  return JSON.stringify({ error: message });
}

/** The messages of the failures the runtime itself detects. */
export const toolMessages = {
  unknown: (name: string) => `No tool named "${name}" is available.`,
  notSerializable: (name: string) => `The result of "${name}" could not be sent: it is not JSON-serializable.`,
  timeout: (name: string, ms: number) => `"${name}" did not finish within ${ms} ms.`,
  interrupted: (name: string) => `The call to "${name}" was cancelled: the user interrupted.`,
  disconnected: (name: string) => `The call to "${name}" was cancelled: the connection ended.`,
  failed: (cause: unknown) => errorText(cause) || 'The tool failed.',
} satisfies Record<string, (...args: never[]) => string>;

/** Where a tool error comes from: the model's call, or the app's tool running it. */
export function toolErrorSource(code: ToolErrorCode): 'server' | 'handler' {
  return code === 'invalid_tool_arguments' || code === 'unknown_tool' ? 'server' : 'handler';
}
