import * as z from 'zod/mini';
import { maxOutputTokens, nameOrTypedObject, nullishString, number, optionalString, string } from './fields.ts';
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
  type: optionalString,
  rate: z.optional(number),
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
  const stringField = optional(string);
  return z.looseObject({
    type: string,
    name: stringField,
    description: stringField,
    parameters: z.optional(z.unknown()),
    server_label: stringField,
  });
}
/** What {@link sessionToolSchema} accepts and returns (see its example). */
export type SessionTool = z.output<typeof sessionToolSchema>;

/**
 * The session's fields. `optional` wraps every optional field whose null means nothing: a plain
 * `z.optional` for a config we send; for a reported session, null reads as absent (see
 * `reportedOptionalField`). Fields whose null means "off" stay nullable either way.
 */
function sessionShape(turnDetection: typeof turnDetectionSchema, optional: typeof optionalField) {
  const stringField = optional(string);
  const audioFormat = optional(audioFormatSchema);
  return {
    id: stringField,
    object: stringField,
    model: stringField,
    instructions: stringField,
    output_modalities: optional(z.array(z.literal(['text', 'audio']))),
    audio: optional(
      z.looseObject({
        input: optional(
          z.looseObject({
            format: audioFormat,
            transcription: z.optional(
              z.nullable(
                z.looseObject({
                  // The server echoes unset ones as null.
                  model: nullishString,
                  language: nullishString,
                  prompt: nullishString,
                }),
              ),
            ),
            noise_reduction: z.optional(z.nullable(z.looseObject({ type: stringField }))),
            turn_detection: z.optional(turnDetection),
          }),
        ),
        output: optional(
          z.looseObject({
            format: audioFormat,
            voice: optional(z.union([string, z.looseObject({ id: string })])),
            speed: optional(number),
          }),
        ),
      }),
    ),
    tools: optional(z.array(optional === optionalField ? sessionToolSchema : makeToolSchema(optional))),
    tool_choice: optional(nameOrTypedObject),
    max_output_tokens: optional(maxOutputTokens),
    tracing: z.optional(z.nullable(z.union([z.literal('auto'), z.looseObject({})]))),
    truncation: optional(nameOrTypedObject),
    prompt: z.optional(z.nullable(z.looseObject({ id: stringField }))),
    include: z.optional(z.nullable(z.array(string))),
    expires_at: optional(number),
  };
}

function makeSessionSchema(turnDetection: typeof turnDetectionSchema) {
  return z.looseObject({
    type: z.optional(z.literal(['realtime', 'transcription'])),
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
export const reportedSessionSchema: z.ZodMiniType<SessionConfig> = /* @__PURE__ */ makeReportedSessionSchema();

/**
 * A reported session is one the kit models, a realtime one (`type` "realtime", or none: beta
 * servers send none) or a transcription one, told apart by `type` so that a session of another
 * official endpoint (a translation session, `type` "translation") is recognised as a kind the
 * kit does not know: `parseServerEvent` then passes its event through as unknown, not invalid.
 */
function makeReportedSessionSchema() {
  const shape = sessionShape(reportedTurnDetectionSchema, reportedOptionalField as typeof optionalField);
  return z.discriminatedUnion('type', [
    z.looseObject({ type: z.optional(z.literal('realtime')), ...shape }),
    z.looseObject({ type: z.literal('transcription'), ...shape }),
  ]);
}

// Last statement: the schemas above are built; zod's jitless setting is the app's again.
resumeZodJit();
