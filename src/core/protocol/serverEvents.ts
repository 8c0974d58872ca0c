import * as z from 'zod/mini';
import { eventTypeOf } from './eventTypeOf.ts';
import { int, nullishNumber, nullishString, number, optionalString, string } from './fields.ts';
import { conversationItemSchema } from './items.ts';
import { realtimeResponseSchema } from './response.ts';
import { reportedSessionSchema } from './sessionConfig.ts';
import { suspendZodJit } from './suspendZodJit.ts';

// First statement: the schemas below are built without zod's eval probe (see suspendZodJit).
const resumeZodJit = suspendZodJit();

/** A GA server event: `type`, the required `event_id`, and its own fields; unknown fields kept. */
function serverEvent<const T extends string, const S extends z.core.$ZodLooseShape>(type: T, shape: S) {
  return z.looseObject({ type: z.literal(type), event_id: string, ...shape });
}

/** Base64 audio: "is a string" is all we check, so megabytes of audio cost nothing extra. */
const base64 = string;
/** The ids every streamed part of a response carries. */
const responsePartIds = {
  response_id: string,
  item_id: string,
  output_index: int,
  content_index: int,
};
const itemPosition = { previous_item_id: nullishString };

/**
 * The `error` object of the `error` server event. `event_id` names the client event that
 * caused it, when there was one.
 *
 * @example
 * ```ts
 * const error: ServerError = { type: 'invalid_request_error', code: 'invalid_value', message: 'Invalid value', param: 'session.voice', event_id: 'evt_client_1' };
 * ```
 */
export const serverErrorSchema = z.looseObject({
  type: string,
  code: nullishString,
  message: string,
  param: nullishString,
  event_id: nullishString,
});
/** What {@link serverErrorSchema} accepts and returns (see its example). */
export type ServerError = z.output<typeof serverErrorSchema>;

// Every field the official types mark optional may also be null on the wire (the official
// Python types read it as "not set"): `nullish`.
const transcriptionErrorSchema = z.looseObject({
  type: nullishString,
  code: nullishString,
  message: nullishString,
  param: nullishString,
});

const contentPartPayload = z.looseObject({
  type: nullishString,
  text: nullishString,
  transcript: nullishString,
  audio: nullishString,
});

/**
 * The session of `transcription_session.created/updated` (still in the GA spec, for
 * transcription-only sessions opened with `intent=transcription`): the beta field names, as
 * the server sends them. Every field the official types mark optional may be null.
 */
const transcriptionSessionSchema = z.looseObject({
  id: nullishString,
  object: nullishString,
  expires_at: nullishNumber,
  client_secret: z.nullish(z.looseObject({ value: string, expires_at: number })),
  input_audio_format: nullishString,
  input_audio_transcription: z.nullish(
    z.looseObject({ model: nullishString, language: nullishString, prompt: nullishString }),
  ),
  input_audio_noise_reduction: z.nullish(z.looseObject({ type: nullishString })),
  turn_detection: z.nullish(
    z.looseObject({
      type: nullishString,
      threshold: nullishNumber,
      prefix_padding_ms: nullishNumber,
      silence_duration_ms: nullishNumber,
    }),
  ),
  modalities: z.nullish(z.array(string)),
  include: z.nullish(z.array(string)),
});

/** Every GA server event schema, one per `type`. Order follows PROTOCOL.md. */
export const serverEventSchemas = [
  serverEvent('session.created', { session: reportedSessionSchema }),
  serverEvent('session.updated', { session: reportedSessionSchema }),
  serverEvent('transcription_session.created', { session: transcriptionSessionSchema }),
  serverEvent('transcription_session.updated', { session: transcriptionSessionSchema }),
  serverEvent('conversation.created', {
    conversation: z.looseObject({ id: nullishString, object: nullishString }),
  }),
  serverEvent('conversation.item.added', { item: conversationItemSchema, ...itemPosition }),
  serverEvent('conversation.item.done', { item: conversationItemSchema, ...itemPosition }),
  serverEvent('conversation.item.retrieved', { item: conversationItemSchema }),
  serverEvent('conversation.item.deleted', { item_id: string }),
  serverEvent('conversation.item.truncated', { item_id: string, content_index: int, audio_end_ms: int }),
  serverEvent('conversation.item.input_audio_transcription.delta', {
    item_id: string,
    content_index: z.nullish(int),
    delta: nullishString,
  }),
  serverEvent('conversation.item.input_audio_transcription.completed', {
    item_id: string,
    content_index: int,
    transcript: string,
    // Required in GA, absent from beta servers: optional so both parse.
    usage: z.optional(z.looseObject({ type: optionalString })),
  }),
  serverEvent('conversation.item.input_audio_transcription.failed', {
    item_id: string,
    content_index: int,
    error: transcriptionErrorSchema,
  }),
  serverEvent('conversation.item.input_audio_transcription.segment', {
    item_id: string,
    content_index: int,
    id: string,
    text: string,
    speaker: string,
    start: number,
    end: number,
  }),
  serverEvent('input_audio_buffer.committed', { item_id: string, ...itemPosition }),
  serverEvent('input_audio_buffer.cleared', {}),
  serverEvent('input_audio_buffer.speech_started', { audio_start_ms: int, item_id: string }),
  serverEvent('input_audio_buffer.speech_stopped', { audio_end_ms: int, item_id: string }),
  serverEvent('input_audio_buffer.timeout_triggered', {
    audio_start_ms: int,
    audio_end_ms: int,
    item_id: string,
  }),
  // SIP keypresses: the only server event without an `event_id`.
  z.looseObject({
    type: z.literal('input_audio_buffer.dtmf_event_received'),
    event_id: optionalString,
    event: string,
    received_at: number,
  }),
  serverEvent('response.created', { response: realtimeResponseSchema }),
  serverEvent('response.done', { response: realtimeResponseSchema }),
  serverEvent('response.output_item.added', {
    response_id: string,
    output_index: int,
    item: conversationItemSchema,
  }),
  serverEvent('response.output_item.done', {
    response_id: string,
    output_index: int,
    item: conversationItemSchema,
  }),
  serverEvent('response.content_part.added', { ...responsePartIds, part: contentPartPayload }),
  serverEvent('response.content_part.done', { ...responsePartIds, part: contentPartPayload }),
  serverEvent('response.output_text.delta', { ...responsePartIds, delta: string }),
  serverEvent('response.output_text.done', { ...responsePartIds, text: string }),
  serverEvent('response.output_audio.delta', { ...responsePartIds, delta: base64 }),
  serverEvent('response.output_audio.done', { ...responsePartIds }),
  serverEvent('response.output_audio_transcript.delta', { ...responsePartIds, delta: string }),
  serverEvent('response.output_audio_transcript.done', { ...responsePartIds, transcript: string }),
  serverEvent('response.function_call_arguments.delta', {
    response_id: string,
    item_id: string,
    output_index: int,
    call_id: string,
    delta: string,
  }),
  serverEvent('response.function_call_arguments.done', {
    response_id: string,
    item_id: string,
    output_index: int,
    call_id: string,
    // Sent by today's servers, but not in the SDK's type: the row's name stands in without it.
    name: nullishString,
    arguments: string,
  }),
  serverEvent('response.mcp_call_arguments.delta', {
    response_id: string,
    item_id: string,
    output_index: int,
    delta: string,
  }),
  serverEvent('response.mcp_call_arguments.done', {
    response_id: string,
    item_id: string,
    output_index: int,
    arguments: string,
  }),
  serverEvent('response.mcp_call.in_progress', { item_id: string, output_index: int }),
  serverEvent('response.mcp_call.completed', { item_id: string, output_index: int }),
  serverEvent('response.mcp_call.failed', { item_id: string, output_index: int }),
  serverEvent('mcp_list_tools.in_progress', { item_id: string }),
  serverEvent('mcp_list_tools.completed', { item_id: string }),
  serverEvent('mcp_list_tools.failed', { item_id: string }),
  serverEvent('rate_limits.updated', {
    rate_limits: z.array(
      z.looseObject({
        name: nullishString,
        limit: nullishNumber,
        remaining: nullishNumber,
        reset_seconds: nullishNumber,
      }),
    ),
  }),
  serverEvent('error', { error: serverErrorSchema }),
  serverEvent('output_audio_buffer.started', { response_id: string }),
  serverEvent('output_audio_buffer.stopped', { response_id: string }),
  serverEvent('output_audio_buffer.cleared', { response_id: string }),
] as const;

/**
 * Every GA server event of the Realtime API, one discriminated union on `type`. Objects are
 * loose: fields a server adds later are kept. Beta names are not members; `parseServerEvent`
 * normalizes them first (and words issues in English; parsed directly, a zod/mini schema words
 * them in the app's zod locale).
 *
 * @example
 * ```ts
 * const event = serverEventSchema.parse({
 *   type: 'input_audio_buffer.timeout_triggered', event_id: 'event_1',
 *   audio_start_ms: 13216, audio_end_ms: 19232, item_id: 'item_CEKKrWH0GiwN0ET97NUZc',
 * });
 * ```
 */
// Pure: a page that only parses through `parseServerEvent` (per-type schemas) leaves it out.
export const serverEventSchema = /* @__PURE__ */ z.discriminatedUnion('type', serverEventSchemas);

/**
 * A validated GA server event. Narrow it with `event.type`.
 *
 * @example
 * ```ts
 * function describe(event: ServerEvent): string {
 *   switch (event.type) {
 *     case 'input_audio_buffer.timeout_triggered':
 *       return `silent from ${event.audio_start_ms} to ${event.audio_end_ms} ms`;
 *     case 'response.output_audio_transcript.delta':
 *       return event.delta;
 *     default:
 *       return event.type;
 *   }
 * }
 * ```
 */
export type ServerEvent = z.output<typeof serverEventSchema>;
/**
 * Every GA server event type name.
 *
 * @example
 * ```ts
 * const watched: ServerEventType[] = ['input_audio_buffer.timeout_triggered', 'response.done'];
 * ```
 */
export type ServerEventType = ServerEvent['type'];
/**
 * The event of one type.
 *
 * @example
 * ```ts
 * function onTimeout(event: ServerEventOf<'input_audio_buffer.timeout_triggered'>) {
 *   console.log(event.audio_end_ms - event.audio_start_ms);
 * }
 * ```
 */
export type ServerEventOf<T extends ServerEventType> = Extract<ServerEvent, { type: T }>;

/**
 * Every GA server event type name, for exhaustive checks and tests.
 *
 * @example
 * ```ts
 * SERVER_EVENT_TYPES.includes('input_audio_buffer.timeout_triggered'); // true
 * ```
 */
export const SERVER_EVENT_TYPES: readonly ServerEventType[] = serverEventSchemas.map(eventTypeOf);

const schemaByType: ReadonlyMap<string, (typeof serverEventSchemas)[number]> = new Map(
  serverEventSchemas.map((schema) => [eventTypeOf(schema), schema]),
);

/**
 * True when `type` is a GA server event type the kit validates (beta names are not).
 *
 * @example
 * ```ts
 * isServerEventType('response.done'); // true
 * isServerEventType('response.audio.delta'); // false: a beta alias
 * ```
 */
export function isServerEventType(type: string): type is ServerEventType {
  return schemaByType.has(type);
}

/**
 * The schema of one GA event type, or undefined for a type the kit does not know. This is the
 * map lookup the hot path uses, so a message is checked against one member, not the whole union.
 *
 * @example
 * ```ts
 * serverEventSchemaFor('response.output_audio.delta')?.safeParse(message);
 * ```
 */
export function serverEventSchemaFor(type: string): (typeof serverEventSchemas)[number] | undefined {
  return schemaByType.get(type);
}

// Last statement: the schemas above are built; zod's jitless setting is the app's again.
resumeZodJit();
