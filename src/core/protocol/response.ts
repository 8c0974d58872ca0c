import * as z from 'zod';
import { conversationItemSchema } from './items.ts';

/**
 * Token usage of a response. Numbers only; the nested details pass loosely.
 *
 * @example
 * ```ts
 * const usage: ResponseUsage = { total_tokens: 120, input_tokens: 80, output_tokens: 40 };
 * ```
 */
export const responseUsageSchema = z.looseObject({
  total_tokens: z.number().optional(),
  input_tokens: z.number().optional(),
  output_tokens: z.number().optional(),
  input_token_details: z.looseObject({}).optional(),
  output_token_details: z.looseObject({}).optional(),
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
  type: z.string().optional(),
  reason: z.string().optional(),
  error: z
    .looseObject({
      type: z.string().optional(),
      code: z.string().nullable().optional(),
      message: z.string().optional(),
    })
    .nullable()
    .optional(),
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
  id: z.string().optional(),
  object: z.string().optional(),
  status: z.enum(['in_progress', 'completed', 'cancelled', 'failed', 'incomplete']).optional(),
  status_details: responseStatusDetailsSchema.nullable().optional(),
  output: z.array(conversationItemSchema).optional(),
  usage: responseUsageSchema.nullable().optional(),
  conversation_id: z.string().nullable().optional(),
  output_modalities: z.array(z.string()).optional(),
  max_output_tokens: z.union([z.number(), z.literal('inf')]).optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
});
/** What {@link realtimeResponseSchema} accepts and returns (see its example). */
export type RealtimeResponse = z.output<typeof realtimeResponseSchema>;
