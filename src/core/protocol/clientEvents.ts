import * as z from 'zod';
import { conversationItemSchema } from './items.ts';
import { sessionConfigSchema, sessionToolSchema } from './sessionConfig.ts';
import { suspendZodJit } from './suspendZodJit.ts';

// First statement: the schemas below are built without zod's eval probe (see suspendZodJit).
const resumeZodJit = suspendZodJit();

/** A client event: `type`, an optional `event_id` (echoed in a resulting `error`), its fields. */
function clientEvent<const T extends string, const S extends z.core.$ZodLooseShape>(type: T, shape: S) {
  return z.looseObject({ type: z.literal(type), event_id: z.string().optional(), ...shape });
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

const nonNegativeInt = z.number().int().min(0);

/**
 * Per-response overrides for `response.create`. Typed where the kit sets them; the rest loose.
 *
 * @example
 * ```ts
 * const response: ResponseCreateParams = { instructions: 'Ask if the user is still there.', output_modalities: ['audio'] };
 * ```
 */
export const responseCreateParamsSchema = z.looseObject({
  instructions: z.string().optional(),
  output_modalities: z.array(z.enum(['text', 'audio'])).optional(),
  conversation: z.string().optional(),
  input: z.array(conversationItemSchema).optional(),
  tools: z.array(sessionToolSchema).optional(),
  tool_choice: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
  max_output_tokens: z.union([z.number(), z.literal('inf')]).optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});
/** What {@link responseCreateParamsSchema} accepts and returns (see its example). */
export type ResponseCreateParams = z.output<typeof responseCreateParamsSchema>;

/** Every client event schema, one per `type`. */
export const clientEventSchemas = [
  clientEvent('session.update', { session: sessionConfigSchema }),
  clientEvent('input_audio_buffer.append', {
    audio: z
      .string()
      .max(MAX_APPEND_AUDIO_BASE64_CHARS, { error: 'audio is larger than the 15 MiB an append may carry' }),
  }),
  clientEvent('input_audio_buffer.commit', {}),
  clientEvent('input_audio_buffer.clear', {}),
  clientEvent('conversation.item.create', {
    item: conversationItemSchema,
    previous_item_id: z.string().nullable().optional(),
  }),
  clientEvent('conversation.item.retrieve', { item_id: z.string() }),
  clientEvent('conversation.item.truncate', {
    item_id: z.string(),
    content_index: nonNegativeInt,
    audio_end_ms: nonNegativeInt,
  }),
  clientEvent('conversation.item.delete', { item_id: z.string() }),
  clientEvent('response.create', { response: responseCreateParamsSchema.optional() }),
  clientEvent('response.cancel', { response_id: z.string().optional() }),
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
export const clientEventSchema = z.discriminatedUnion('type', clientEventSchemas);

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
export const CLIENT_EVENT_TYPES: readonly ClientEventType[] = clientEventSchemas.map(
  (schema) => schema.shape.type.value,
);

const schemaByType: ReadonlyMap<string, (typeof clientEventSchemas)[number]> = new Map(
  clientEventSchemas.map((schema) => [schema.shape.type.value, schema]),
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
