import * as z from 'zod/mini';
import { int, maxOutputTokens, nameOrTypedObject, nullishObject, nullishString, optionalString, string } from './fields.ts';
import { eventTypeOf } from './eventTypeOf.ts';
import { conversationItemSchema } from './items.ts';
import { sessionConfigSchema, sessionToolSchema } from './sessionConfig.ts';
import { suspendZodJit } from './suspendZodJit.ts';

// First statement: the schemas below are built without zod's eval probe (see suspendZodJit).
const resumeZodJit = suspendZodJit();

/** A client event: `type`, an optional `event_id` (echoed in a resulting `error`), its fields. */
function clientEvent<const T extends string, const S extends z.core.$ZodLooseShape>(type: T, shape: S) {
  return z.looseObject({ type: z.literal(type), event_id: optionalString, ...shape });
}

/**
 * The API accepts at most 15 MiB of audio per append; as base64 that is this many characters
 * (20971520). A longer `input_audio_buffer.append` fails validation before it is sent.
 *
 * @example
 * ```ts
 * const audio = bytesToBase64(pcm16ToBytes(samples));
 * if (audio.length > MAX_APPEND_AUDIO_BASE64_CHARS) throw new Error('Send the audio in several appends.');
 * ```
 */
export const MAX_APPEND_AUDIO_BASE64_CHARS = Math.ceil((15 * 1024 * 1024) / 3) * 4;

const nonNegativeInt = int.check(z.minimum(0));

/**
 * Per-response overrides for `response.create`. Typed where the kit sets them; the rest loose.
 *
 * @example
 * ```ts
 * const response: ResponseCreateParams = { instructions: 'Ask if the user is still there.', output_modalities: ['audio'] };
 * ```
 */
export const responseCreateParamsSchema = z.looseObject({
  instructions: optionalString,
  output_modalities: z.optional(z.array(z.literal(['text', 'audio']))),
  conversation: optionalString,
  input: z.optional(z.array(conversationItemSchema)),
  tools: z.optional(z.array(sessionToolSchema)),
  tool_choice: z.optional(nameOrTypedObject),
  max_output_tokens: z.optional(maxOutputTokens),
  // Any object of fields (as a response reports it back): see realtimeResponseSchema.
  metadata: nullishObject,
});
/** What {@link responseCreateParamsSchema} accepts and returns (see its example). */
export type ResponseCreateParams = z.output<typeof responseCreateParamsSchema>;

/** Every client event schema, one per `type`. */
export const clientEventSchemas = [
  clientEvent('session.update', { session: sessionConfigSchema }),
  clientEvent('input_audio_buffer.append', {
    audio: string.check(
      z.maxLength(MAX_APPEND_AUDIO_BASE64_CHARS, { error: 'audio is larger than the 15 MiB an append may carry' }),
    ),
  }),
  clientEvent('input_audio_buffer.commit', {}),
  clientEvent('input_audio_buffer.clear', {}),
  clientEvent('conversation.item.create', {
    item: conversationItemSchema,
    previous_item_id: nullishString,
  }),
  clientEvent('conversation.item.retrieve', { item_id: string }),
  clientEvent('conversation.item.truncate', {
    item_id: string,
    content_index: nonNegativeInt,
    audio_end_ms: nonNegativeInt,
  }),
  clientEvent('conversation.item.delete', { item_id: string }),
  clientEvent('response.create', { response: z.optional(responseCreateParamsSchema) }),
  clientEvent('response.cancel', { response_id: optionalString }),
  clientEvent('output_audio_buffer.clear', {}),
] as const;

/**
 * Every client event of the Realtime API, one discriminated union on `type`.
 *
 * @example
 * ```ts
 * const event = clientEventSchema.parse({
 *   type: 'session.update',
 *   session: { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } } } },
 * });
 * ```
 */
// Pure: a page that only checks through `parseClientEvent` (per-type schemas) leaves it out.
export const clientEventSchema = /* @__PURE__ */ z.discriminatedUnion('type', clientEventSchemas);

/**
 * A client event as the kit sends it (the validated output shape).
 *
 * @example
 * ```ts
 * const cancel: ClientEvent = { type: 'response.cancel', response_id: 'resp_1' };
 * ```
 */
export type ClientEvent = z.output<typeof clientEventSchema>;
/**
 * Every client event type name.
 *
 * @example
 * ```ts
 * const type: ClientEventType = 'input_audio_buffer.commit';
 * ```
 */
export type ClientEventType = ClientEvent['type'];
/**
 * The client event of one type.
 *
 * @example
 * ```ts
 * const clear: ClientEventOf<'input_audio_buffer.clear'> = { type: 'input_audio_buffer.clear' };
 * ```
 */
export type ClientEventOf<T extends ClientEventType> = Extract<ClientEvent, { type: T }>;

/**
 * Every client event type name.
 *
 * @example
 * ```ts
 * CLIENT_EVENT_TYPES.includes('response.cancel'); // true
 * ```
 */
export const CLIENT_EVENT_TYPES: readonly ClientEventType[] = /* @__PURE__ */ clientEventSchemas.map(eventTypeOf);

const schemaByType: ReadonlyMap<string, (typeof clientEventSchemas)[number]> = new Map(
  clientEventSchemas.map((schema) => [eventTypeOf(schema), schema]),
);

/**
 * The schema of one client event type, or undefined.
 *
 * @example
 * ```ts
 * clientEventSchemaFor('response.create')?.safeParse({ type: 'response.create' });
 * ```
 */
export function clientEventSchemaFor(type: string): (typeof clientEventSchemas)[number] | undefined {
  return schemaByType.get(type);
}

// Last statement: the schemas above are built; zod's jitless setting is the app's again.
resumeZodJit();
