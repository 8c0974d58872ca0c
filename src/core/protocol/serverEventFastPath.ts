/**
 * Hand-written checks for the event types that make up most of a voice session's traffic
 * (audio deltas alone are about two thirds of the messages).
 *
 * Why this exists: zod validates a loose object by building a copy of it, key by key, which
 * for these small events costs as much as `JSON.parse` itself, and two to four times as much
 * for events that carry items (BENCHMARKS.md, "Pipeline").
 * A check of the required fields' types says the same thing, and the parsed object can then be
 * returned as it is. A check only ever accepts: when it says no, `parseServerEvent` runs the
 * zod schema, so invalid events get zod's precise message.
 *
 * The contract, proved by test/core/protocol/serverEventFastPath.property.test.ts: a check
 * accepts an object exactly when the zod schema of its type accepts it, and zod's output then
 * equals the object. Keep each check in step with its schema in `serverEvents.ts`; keep this
 * table small: only types a session sees often (items and responses: `fastItemChecks.ts`).
 * Nested objects are returned as they are, as JSON.parse made them.
 */
import {
  isArrayOf,
  isConversationItem,
  isOptionalNullableNumber,
  isOptionalNullableString,
  isOptionalString,
  isRealtimeResponse,
} from './fastItemChecks.ts';
import { isRecord } from './isRecord.ts';
import type { ServerEventType } from './serverEvents.ts';

type Wire = Record<string, unknown>;
/** True when the object conforms to its type's schema (its `type` is already known). */
export type FastCheck = (event: Wire) => boolean;

// `string` and `int` (fields.ts; `z.int()` is a safe integer) in plain JavaScript.
const isInt = Number.isSafeInteger;
const isIntOrAbsent = (value: unknown): boolean => value === undefined || value === null || Number.isSafeInteger(value);

/** `event_id` and the ids every streamed part of a response carries (`responsePartIds`). */
function isResponsePart(o: Wire): boolean {
  return (
    typeof o.event_id === 'string' &&
    typeof o.response_id === 'string' &&
    typeof o.item_id === 'string' &&
    isInt(o.output_index) &&
    isInt(o.content_index)
  );
}

// The two busiest checks are spelled out rather than built on isResponsePart: a property read
// that has only ever seen one object shape is several times faster than one shared by many
// event types, and these run for three quarters of all messages.
const isAudioDelta: FastCheck = (o) =>
  typeof o.event_id === 'string' &&
  typeof o.response_id === 'string' &&
  typeof o.item_id === 'string' &&
  isInt(o.output_index) &&
  isInt(o.content_index) &&
  typeof o.delta === 'string';
const isTextDelta: FastCheck = (o) =>
  typeof o.event_id === 'string' &&
  typeof o.response_id === 'string' &&
  typeof o.item_id === 'string' &&
  isInt(o.output_index) &&
  isInt(o.content_index) &&
  typeof o.delta === 'string';
/** The ids every `response.function_call_arguments.*` event carries. */
function isFunctionCallPart(o: Wire): boolean {
  return (
    typeof o.event_id === 'string' &&
    typeof o.response_id === 'string' &&
    typeof o.item_id === 'string' &&
    isInt(o.output_index) &&
    typeof o.call_id === 'string'
  );
}
const isPlayback: FastCheck = (o) => typeof o.event_id === 'string' && typeof o.response_id === 'string';

/** One entry of `rate_limits.updated`: a loose object of nullish fields. */
function isRateLimit(limit: unknown): boolean {
  return (
    isRecord(limit) &&
    isOptionalNullableString(limit.name) &&
    isOptionalNullableNumber(limit.limit) &&
    isOptionalNullableNumber(limit.remaining) &&
    isOptionalNullableNumber(limit.reset_seconds)
  );
}

/** `contentPartPayload`: a loose object of nullish fields. */
function isPartPayload(part: unknown): boolean {
  return (
    isRecord(part) &&
    isOptionalNullableString(part.type) &&
    isOptionalNullableString(part.text) &&
    isOptionalNullableString(part.transcript) &&
    isOptionalNullableString(part.audio)
  );
}

const isItemEvent: FastCheck = (o) =>
  typeof o.event_id === 'string' && isConversationItem(o.item) && isOptionalNullableString(o.previous_item_id);
const isOutputItemEvent: FastCheck = (o) =>
  typeof o.event_id === 'string' && typeof o.response_id === 'string' && isInt(o.output_index) && isConversationItem(o.item);
const isResponseEvent: FastCheck = (o) => typeof o.event_id === 'string' && isRealtimeResponse(o.response);

const checks: ReadonlyMap<ServerEventType, FastCheck> = new Map<ServerEventType, FastCheck>([
  ['response.output_audio.delta', isAudioDelta],
  ['response.output_audio_transcript.delta', isTextDelta],
  ['response.output_text.delta', isTextDelta],
  ['response.function_call_arguments.delta', (o) => typeof o.delta === 'string' && isFunctionCallPart(o)],
  [
    'conversation.item.input_audio_transcription.delta',
    (o) =>
      typeof o.event_id === 'string' &&
      typeof o.item_id === 'string' &&
      isIntOrAbsent(o.content_index) &&
      isOptionalNullableString(o.delta),
  ],
  [
    'input_audio_buffer.speech_started',
    (o) => typeof o.event_id === 'string' && typeof o.item_id === 'string' && isInt(o.audio_start_ms),
  ],
  [
    'input_audio_buffer.speech_stopped',
    (o) => typeof o.event_id === 'string' && typeof o.item_id === 'string' && isInt(o.audio_end_ms),
  ],
  ['response.output_audio.done', isResponsePart],
  ['response.output_audio_transcript.done', (o) => typeof o.transcript === 'string' && isResponsePart(o)],
  ['response.output_text.done', (o) => typeof o.text === 'string' && isResponsePart(o)],
  ['response.content_part.added', (o) => isPartPayload(o.part) && isResponsePart(o)],
  ['response.content_part.done', (o) => isPartPayload(o.part) && isResponsePart(o)],
  [
    'conversation.item.input_audio_transcription.completed',
    (o) =>
      typeof o.event_id === 'string' &&
      typeof o.item_id === 'string' &&
      isInt(o.content_index) &&
      typeof o.transcript === 'string' &&
      (o.usage === undefined || (isRecord(o.usage) && isOptionalString(o.usage.type))),
  ],
  [
    'input_audio_buffer.committed',
    (o) =>
      typeof o.event_id === 'string' &&
      typeof o.item_id === 'string' &&
      isOptionalNullableString(o.previous_item_id),
  ],
  [
    'rate_limits.updated',
    (o) => typeof o.event_id === 'string' && isArrayOf(o.rate_limits, isRateLimit),
  ],
  ['conversation.item.added', isItemEvent],
  ['conversation.item.done', isItemEvent],
  ['response.output_item.added', isOutputItemEvent],
  ['response.output_item.done', isOutputItemEvent],
  ['response.created', isResponseEvent],
  ['response.done', isResponseEvent],
  // Rare, but each would otherwise run zod's code cold (unoptimized) a few times per turn.
  [
    'response.function_call_arguments.done',
    (o) => isOptionalNullableString(o.name) && typeof o.arguments === 'string' && isFunctionCallPart(o),
  ],
  [
    'conversation.item.truncated',
    (o) =>
      typeof o.event_id === 'string' && typeof o.item_id === 'string' && isInt(o.content_index) && isInt(o.audio_end_ms),
  ],
  [
    'input_audio_buffer.timeout_triggered',
    (o) =>
      typeof o.event_id === 'string' &&
      typeof o.item_id === 'string' &&
      isInt(o.audio_start_ms) &&
      isInt(o.audio_end_ms),
  ],
  ['output_audio_buffer.started', isPlayback],
  ['output_audio_buffer.stopped', isPlayback],
  ['output_audio_buffer.cleared', isPlayback],
]);

/**
 * The fast check for a GA event type, or undefined for the types only zod validates.
 * Internal to `parseServerEvent` (through its routes).
 *
 * @example
 * ```ts
 * fastCheckFor('response.output_audio.delta')?.(message); // true for a well-formed delta
 * ```
 */
export function fastCheckFor(type: string): FastCheck | undefined {
  return checks.get(type as ServerEventType);
}

/** The GA types that have a fast check, for the equivalence test. */
export const FAST_PATH_TYPES: readonly ServerEventType[] = [...checks.keys()];
