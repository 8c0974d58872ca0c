import type * as z from 'zod/mini';
import { describeIssues, errorText, formatIssuePath } from './errors.ts';
import { kitParseOptions } from './issueMessages.ts';
import type { ServerEvent } from './serverEvents.ts';
import { serverEventRoute } from './serverEventRoutes.ts';

/**
 * Why a message is not a typed server event: its JSON did not parse, its `type` (or the `type`
 * of an item or content part inside it) is not one the kit knows (pass it on), or it is a known
 * type with wrong fields.
 *
 * @example
 * ```ts
 * const isError = (reason: ParseServerEventFailureReason) => reason !== 'unknown_type';
 * ```
 */
export type ParseServerEventFailureReason = 'malformed_json' | 'unknown_type' | 'invalid';

/**
 * The outcome of `parseServerEvent`. On failure `raw` is the parsed JSON (or the input itself
 * when it was not JSON text), so callers can still pass the message on.
 *
 * @example
 * ```ts
 * const result: ParseServerEventResult = parseServerEvent('{"type":"input_audio_buffer.cleared","event_id":"e1"}');
 * const event = result.ok ? result.event : null;
 * ```
 */
export type ParseServerEventResult =
  | { ok: true; event: ServerEvent }
  | { ok: false; reason: ParseServerEventFailureReason; raw: unknown; message: string };

function fail(reason: ParseServerEventFailureReason, raw: unknown, message: string): ParseServerEventResult {
  return { ok: false, reason, raw, message };
}



let utf8: TextDecoder | undefined;

function isBinary(value: object): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/**
 * zod returns a plain copy; the fast path returns the object itself, so it takes only what
 * that copy would equal: JSON.parse's objects (always plain) and plain ones a caller built.
 */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `plain`: known to be a plain object (JSON.parse made it), so the fast path need not check. */
function parseObject(raw: object, plain: boolean): ParseServerEventResult {
  if (Array.isArray(raw)) return fail('invalid', raw, 'expected a JSON object with a string "type", got an array');
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string') {
    // Checked only here, off the hot path: Node WebSocket libraries hand over text frames as bytes.
    if (isBinary(raw)) return parseText((utf8 ??= new TextDecoder()).decode(raw));
    return fail('invalid', raw, `expected a JSON object with a string "type", got type ${typeof type}`);
  }
  const route = serverEventRoute(type);
  if (route === undefined) return fail('unknown_type', raw, `unknown server event type "${type}"`);
  const input = route.normalize ? route.normalize(record) : record;
  // The busiest types: the object itself when it conforms, zod (and its message) when not.
  if (route.fast !== undefined && (plain || input !== record || isPlainObject(input)) && route.fast(input)) {
    return { ok: true, event: input as ServerEvent };
  }
  const result = route.schema.safeParse(input, kitParseOptions);
  if (result.success) return { ok: true, event: result.data };
  const unknownPart = describeUnknownNestedType(route.gaType, input, result.error.issues);
  if (unknownPart !== undefined) return fail('unknown_type', raw, unknownPart);
  // `response.output_audio.delta: item_id: Invalid input: expected string, received undefined`
  return fail('invalid', raw, `${route.gaType}: ${describeIssues(result.error.issues)}`);
}

/**
 * A known event whose only fault is a nested `type` this version does not know (a new item or
 * content-part type, such as the server adding an item kind) is treated like an unknown event
 * type, not as an error: servers add types over time, and the event still reaches users raw.
 * A missing or non-string `type` stays `invalid`.
 */
function describeUnknownNestedType(
  type: string,
  input: Record<string, unknown>,
  issues: readonly z.core.$ZodIssue[],
): string | undefined {
  const names: string[] = [];
  for (const issue of issues) {
    // A discriminated union that matched no option names its discriminator; its path ends there.
    if (issue.code !== 'invalid_union' || !('discriminator' in issue) || issue.discriminator === undefined) return undefined;
    const value = valueAt(input, issue.path);
    if (typeof value !== 'string') return undefined;
    names.push(`${formatIssuePath(issue.path)} "${value}"`);
  }
  if (names.length === 0) return undefined;
  return `${type}: unknown ${names.join(', ')}; passed through as a raw server event`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Turns one wire message (JSON text or an already parsed object) into a typed GA server event.
 * Beta names and shapes are normalized first, so `event.type` is always the GA name.
 *
 * It never throws: for JSON that does not parse, a type the kit does not know (pass it on: it
 * is not an error, servers add events; this includes a known event carrying an item or content
 * part of a type the kit does not know), or a known event with wrong fields, it returns
 * `ok: false` with the reason, a readable message and the raw data.
 *
 * @example
 * ```ts
 * const result = parseServerEvent(message.data);
 * if (result.ok) {
 *   if (result.event.type === 'input_audio_buffer.timeout_triggered') showIdleBanner(result.event.item_id);
 * } else if (result.reason === 'unknown_type') {
 *   forwardRaw(result.raw);
 * } else {
 *   console.warn(result.message);
 * }
 * ```
 */
export function parseServerEvent(data: string | object): ParseServerEventResult {
  try {
    if (typeof data === 'string') return parseText(data);
    return parseValue(data, false);
  } catch (error) {
    // Hostile inputs (throwing getters, proxies) end here rather than in the caller's stack.
    return fail('invalid', data, `could not read server event: ${errorText(error)}`);
  }
}

function parseText(text: string): ParseServerEventResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return fail('malformed_json', text, `malformed JSON: ${errorText(error)}`);
  }
  try {
    return parseValue(raw, true);
  } catch (error) {
    return fail('invalid', raw, `could not read server event: ${errorText(error)}`);
  }
}

function parseValue(raw: unknown, plain: boolean): ParseServerEventResult {
  if (typeof raw !== 'object' || raw === null) {
    return fail('invalid', raw, `expected a JSON object with a string "type", got ${raw === null ? 'null' : typeof raw}`);
  }
  return parseObject(raw, plain);
}
