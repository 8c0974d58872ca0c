import * as z from 'zod';
import { reportedTurnDetectionSchema, turnDetectionSchema } from './turnDetection.ts';

/**
 * An audio format: `{ type: 'audio/pcm', rate: 24000 }` (16-bit mono little-endian),
 * `{ type: 'audio/pcmu' }` or `{ type: 'audio/pcma' }`.
 *
 * @example
 * ```ts
 * const format: AudioFormat = { type: 'audio/pcm', rate: 24000 };
 * ```
 */
export const audioFormatSchema = z.looseObject({
  type: z.string().optional(),
  rate: z.number().optional(),
});
/** What {@link audioFormatSchema} accepts and returns (see its example). */
export type AudioFormat = z.output<typeof audioFormatSchema>;

/**
 * A tool the model may call. Function tools carry a JSON schema in `parameters`.
 *
 * @example
 * ```ts
 * const tool: SessionTool = { type: 'function', name: 'get_weather', description: 'Weather for a city', parameters: { type: 'object' } };
 * ```
 */
export const sessionToolSchema = z.looseObject({
  type: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  parameters: z.unknown().optional(),
  server_label: z.string().optional(),
});
/** What {@link sessionToolSchema} accepts and returns (see its example). */
export type SessionTool = z.output<typeof sessionToolSchema>;

function makeSessionSchema(turnDetection: typeof turnDetectionSchema) {
  return z.looseObject({
    type: z.enum(['realtime', 'transcription']).optional(),
    id: z.string().optional(),
    object: z.string().optional(),
    model: z.string().optional(),
    instructions: z.string().optional(),
    output_modalities: z.array(z.enum(['text', 'audio'])).optional(),
    audio: z
      .looseObject({
        input: z
          .looseObject({
            format: audioFormatSchema.optional(),
            transcription: z
              .looseObject({
                // The server echoes unset ones as null.
                model: z.string().nullable().optional(),
                language: z.string().nullable().optional(),
                prompt: z.string().nullable().optional(),
              })
              .nullable()
              .optional(),
            noise_reduction: z
              .looseObject({ type: z.string().optional() })
              .nullable()
              .optional(),
            turn_detection: turnDetection.optional(),
          })
          .optional(),
        output: z
          .looseObject({
            format: audioFormatSchema.optional(),
            voice: z.union([z.string(), z.looseObject({ id: z.string() })]).optional(),
            speed: z.number().optional(),
          })
          .optional(),
      })
      .optional(),
    tools: z.array(sessionToolSchema).optional(),
    tool_choice: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
    max_output_tokens: z.union([z.number(), z.literal('inf')]).optional(),
    tracing: z
      .union([z.literal('auto'), z.looseObject({})])
      .nullable()
      .optional(),
    truncation: z.union([z.string(), z.looseObject({ type: z.string() })]).optional(),
    prompt: z.looseObject({ id: z.string().optional() }).nullable().optional(),
    include: z.array(z.string()).nullable().optional(),
    expires_at: z.number().optional(),
  });
}

/**
 * The GA `session` object: what `session.update` sends and what `session.created/updated`
 * report. Every field is optional, so it also describes an update patch; unknown fields are
 * kept. Turn detection is range-checked (`idle_timeout_ms` 5000..30000 or null, server VAD only).
 *
 * @example
 * ```ts
 * const config = sessionConfigSchema.parse({
 *   type: 'realtime',
 *   audio: { input: { turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 } } },
 * });
 * ```
 */
export const sessionConfigSchema = makeSessionSchema(turnDetectionSchema);
/** What {@link sessionConfigSchema} accepts and returns (see its example). */
export type SessionConfig = z.output<typeof sessionConfigSchema>;

/**
 * The same shape as `sessionConfigSchema` without range checks, for sessions reported by the
 * server: a reported value we would not send is still the server's truth and must not make
 * `session.created` unreadable.
 *
 * @example
 * ```ts
 * const session: SessionConfig = reportedSessionSchema.parse(event.session);
 * ```
 */
export const reportedSessionSchema = makeSessionSchema(reportedTurnDetectionSchema);
