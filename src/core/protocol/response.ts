import * as z from 'zod/mini';
import { maxOutputTokens, nullishNumber, nullishObject, nullishString, string } from './fields.ts';
import { conversationItemSchema } from './items.ts';
import { suspendZodJit } from './suspendZodJit.ts';

// First statement: the schemas below are built without zod's eval probe (see suspendZodJit).
const resumeZodJit = suspendZodJit();

// Every field the official types mark optional may also be null on the wire (the official
// Python types read it as "not set"), hence `nullish` throughout.

/**
 * Token usage of a response. Numbers only; the nested details pass loosely.
 *
 * @example
 * ```ts
 * const usage: ResponseUsage = { total_tokens: 120, input_tokens: 80, output_tokens: 40 };
 * ```
 */
export const responseUsageSchema = z.looseObject({
  total_tokens: nullishNumber,
  input_tokens: nullishNumber,
  output_tokens: nullishNumber,
  input_token_details: nullishObject,
  output_token_details: nullishObject,
});
/** What {@link responseUsageSchema} accepts and returns (see its example). */
export type ResponseUsage = z.output<typeof responseUsageSchema>;

/**
 * Why a response ended the way it did. Known `reason`s: `turn_detected` (the user interrupted),
 * `client_cancelled`, `max_output_tokens`, `content_filter`; typed as a string so a new reason
 * does not make `response.done` unreadable.
 *
 * @example
 * ```ts
 * if (response.status === 'cancelled' && response.status_details?.reason === 'turn_detected') markInterrupted();
 * ```
 */
export const responseStatusDetailsSchema = z.looseObject({
  type: nullishString,
  reason: nullishString,
  error: z.nullish(
    z.looseObject({
      type: nullishString,
      code: nullishString,
      message: nullishString,
    }),
  ),
});
/** What {@link responseStatusDetailsSchema} accepts and returns (see its example). */
export type ResponseStatusDetails = z.output<typeof responseStatusDetailsSchema>;

/**
 * The `response` object of `response.created` and `response.done`. The fields the kit reads are
 * typed; the rest (audio settings, metadata...) pass loosely.
 *
 * @example
 * ```ts
 * const response = realtimeResponseSchema.parse({ id: 'resp_1', object: 'realtime.response', status: 'in_progress', output: [] });
 * ```
 */
export const realtimeResponseSchema = z.looseObject({
  id: nullishString,
  object: nullishString,
  status: z.nullish(z.literal(['in_progress', 'completed', 'cancelled', 'failed', 'incomplete'])),
  status_details: z.nullish(responseStatusDetailsSchema),
  output: z.nullish(z.array(conversationItemSchema)),
  usage: z.nullish(responseUsageSchema),
  conversation_id: nullishString,
  output_modalities: z.nullish(z.array(string)),
  max_output_tokens: z.nullish(maxOutputTokens),
  // A loose object of any fields: the same copy a string-keyed record makes of JSON, without
  // zod's record schema on every page (metadata is all that used it).
  metadata: nullishObject,
});
/** What {@link realtimeResponseSchema} accepts and returns (see its example). */
export type RealtimeResponse = z.output<typeof realtimeResponseSchema>;

// Last statement: the schemas above are built; zod's jitless setting is the app's again.
resumeZodJit();
