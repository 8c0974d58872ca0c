import * as z from 'zod';
import { optionalField, reportedOptionalField, reportedTurnDetectionSchema, turnDetectionSchema } from './turnDetection.ts';
import { suspendZodJit } from './suspendZodJit.ts';

// First statement: the schemas below are built without zod's eval probe (see suspendZodJit).
const resumeZodJit = suspendZodJit();

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
export const sessionToolSchema = /* @__PURE__ */ makeToolSchema(optionalField);

/** A tool's fields; a reported session's tools read null in an optional field as not set. */
function makeToolSchema(optional: typeof optionalField) {
  return z.looseObject({
    type: z.string(),
    name: optional(z.string()),
    description: optional(z.string()),
    parameters: z.unknown().optional(),
    server_label: optional(z.string()),
  });
}
/** What {@link sessionToolSchema} accepts and returns (see its example). */
export type SessionTool = z.output<typeof sessionToolSchema>;

/**
 * The session's fields. `optional` wraps every optional field whose null means nothing: a plain
 * `.optional()` for a config we send; for a reported session, null reads as absent (see
 * `reportedOptionalField`). Fields whose null means "off" stay nullable either way.
 */
function sessionShape(turnDetection: typeof turnDetectionSchema, optional: typeof optionalField) {
  return {
    id: optional(z.string()),
    object: optional(z.string()),
    model: optional(z.string()),
    instructions: optional(z.string()),
    output_modalities: optional(z.array(z.enum(['text', 'audio']))),
    audio: optional(
      z.looseObject({
        input: optional(
          z.looseObject({
            format: optional(audioFormatSchema),
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
              .looseObject({ type: optional(z.string()) })
              .nullable()
              .optional(),
            turn_detection: turnDetection.optional(),
          }),
        ),
        output: optional(
          z.looseObject({
            format: optional(audioFormatSchema),
            voice: optional(z.union([z.string(), z.looseObject({ id: z.string() })])),
            speed: optional(z.number()),
          }),
        ),
      }),
    ),
    tools: optional(z.array(optional === optionalField ? sessionToolSchema : makeToolSchema(optional))),
    tool_choice: optional(z.union([z.string(), z.looseObject({ type: z.string() })])),
    max_output_tokens: optional(z.union([z.number(), z.literal('inf')])),
    tracing: z
      .union([z.literal('auto'), z.looseObject({})])
      .nullable()
      .optional(),
    truncation: optional(z.union([z.string(), z.looseObject({ type: z.string() })])),
    prompt: z.looseObject({ id: optional(z.string()) }).nullable().optional(),
    include: z.array(z.string()).nullable().optional(),
    expires_at: optional(z.number()),
  };
}

function makeSessionSchema(turnDetection: typeof turnDetectionSchema) {
  return z.looseObject({
    type: z.enum(['realtime', 'transcription']).optional(),
    ...sessionShape(turnDetection, optionalField),
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
export const reportedSessionSchema: z.ZodType<SessionConfig> = /* @__PURE__ */ makeReportedSessionSchema();

/**
 * A reported session is one the kit models, a realtime one (`type` "realtime", or none: beta
 * servers send none) or a transcription one, told apart by `type` so that a session of another
 * official endpoint (a translation session, `type` "translation") is recognised as a kind the
 * kit does not know: `parseServerEvent` then passes its event through as unknown, not invalid.
 */
function makeReportedSessionSchema() {
  const shape = sessionShape(reportedTurnDetectionSchema, reportedOptionalField as typeof optionalField);
  return z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('realtime').optional(), ...shape }),
    z.looseObject({ type: z.literal('transcription'), ...shape }),
  ]);
}

// Last statement: the schemas above are built; zod's jitless setting is the app's again.
resumeZodJit();
