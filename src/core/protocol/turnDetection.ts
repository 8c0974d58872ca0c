import * as z from 'zod/mini';
import { RealtimeConfigError } from './errors.ts';
import { int, nullishNumber, number, optionalBoolean } from './fields.ts';
import { describeConfigValue } from './timerDuration.ts';
import { suspendZodJit } from './suspendZodJit.ts';

// First statement: the schemas below are built without zod's eval probe (see suspendZodJit).
const resumeZodJit = suspendZodJit();

/**
 * Smallest `idle_timeout_ms` the server accepts.
 *
 * @example
 * ```ts
 * const slider = { min: IDLE_TIMEOUT_MIN_MS, max: IDLE_TIMEOUT_MAX_MS };
 * ```
 */
export const IDLE_TIMEOUT_MIN_MS = 5000;

/**
 * Largest `idle_timeout_ms` the server accepts.
 *
 * @example
 * ```ts
 * const clamped = Math.min(requested, IDLE_TIMEOUT_MAX_MS);
 * ```
 */
export const IDLE_TIMEOUT_MAX_MS = 30000;

function idleTimeoutMessage(value: unknown): string {
  return (
    `idle timeout must be an integer between ${IDLE_TIMEOUT_MIN_MS} and ${IDLE_TIMEOUT_MAX_MS} ms, ` +
    `or null to turn it off; got ${describeConfigValue(value)}`
  );
}

/**
 * The message users see when they ask semantic VAD for an idle timeout: the `message` of the
 * `RealtimeConfigError` issue, so code can recognise this mistake without matching text.
 *
 * @example
 * ```ts
 * try {
 *   validateSessionConfig({ audio: { input: { turn_detection: { type: 'semantic_vad', idle_timeout_ms: 8000 } } } });
 * } catch (error) {
 *   if (error instanceof RealtimeConfigError && error.issues.some((issue) => issue.message === SEMANTIC_VAD_IDLE_TIMEOUT_MESSAGE)) {
 *     // Switch to server_vad, or keep semantic_vad with idle: { clientFallback: 'auto' }.
 *   }
 * }
 * ```
 */
export const SEMANTIC_VAD_IDLE_TIMEOUT_MESSAGE =
  'idle_timeout_ms is only supported with server_vad turn detection; semantic_vad has no idle timeout. ' +
  "Use the client fallback (idle: { clientFallback: 'auto' }) to detect silence with semantic_vad, " +
  "or switch to { type: 'server_vad' }.";

const idleError = { error: (issue: { input?: unknown }) => idleTimeoutMessage(issue.input) };

const nonNegativeInt = z.optional(int.check(z.minimum(0)));

/** An optional field of a config we send. */
export function optionalField<T extends z.core.SomeType>(schema: T) {
  return z.optional(schema);
}

/** Null reads as absent: see {@link reportedOptionalField}. */
const nullAsAbsent = z.transform(<T>(value: T | null | undefined): T | undefined => value ?? undefined);

/**
 * An optional field of a session the server reports: the official types let every optional
 * field be null, which means "not set"; it reads as absent, so a reported session has the same
 * type as a config we send. Only for fields whose null means nothing else (a null turn
 * detection, idle timeout or transcription means "off" and stays null).
 */
export function reportedOptionalField<T extends z.core.SomeType>(schema: T) {
  return z.optional(
    z.pipe(z.nullish(schema), nullAsAbsent as z.ZodMiniTransform<z.output<T> | undefined, z.output<T> | null | undefined>),
  );
}

/** `idle_timeout_ms` as the kit sends it: range-checked, so mistakes fail before the server sees them. */
const strictIdleTimeoutMs = z.optional(
  z.nullable(
    z
      .number(idleError)
      .check(z.int(idleError), z.minimum(IDLE_TIMEOUT_MIN_MS, idleError), z.maximum(IDLE_TIMEOUT_MAX_MS, idleError)),
  ),
);

/**
 * Builds the turn detection schemas. `strict` adds the range checks a config we send must pass;
 * the permissive variant (same output type) reads what the server reports, so a server that
 * widens a range does not make `session.updated` unreadable.
 */
function makeTurnDetectionSchemas(strict: boolean) {
  // What the server reports may hold null in any optional field (as the official types allow):
  // it reads as "not set", so the output type stays the one a config we send has.
  const optional = strict ? optionalField : reportedOptionalField;
  const reportedBoolean = strict ? optionalBoolean : reportedOptionalField(z.boolean());
  const serverVad = z.looseObject({
    type: z.literal('server_vad'),
    threshold: strict ? z.optional(number.check(z.minimum(0), z.maximum(1))) : optional(number),
    prefix_padding_ms: strict ? nonNegativeInt : optional(number),
    silence_duration_ms: strict ? nonNegativeInt : optional(number),
    create_response: reportedBoolean,
    interrupt_response: reportedBoolean,
    idle_timeout_ms: strict ? strictIdleTimeoutMs : nullishNumber,
  });
  const semanticVad = z.looseObject({
    type: z.literal('semantic_vad'),
    eagerness: optional(z.literal(['low', 'medium', 'high', 'auto'])),
    create_response: reportedBoolean,
    interrupt_response: reportedBoolean,
    // Null is harmless ("off"); any value is a mistake worth a precise message.
    idle_timeout_ms: z.optional(z.literal(null, { error: SEMANTIC_VAD_IDLE_TIMEOUT_MESSAGE })),
  });
  const turnDetection = z.nullable(z.discriminatedUnion('type', [serverVad, semanticVad]));
  return { serverVad, semanticVad, turnDetection };
}

const strictSchemas = makeTurnDetectionSchemas(true);
const permissiveSchemas = makeTurnDetectionSchemas(false);

/**
 * Server VAD: detects turns by volume and silence, and is the only mode with an idle timeout.
 *
 * @example
 * ```ts
 * serverVadTurnDetectionSchema.parse({ type: 'server_vad', silence_duration_ms: 500, idle_timeout_ms: 8000 });
 * ```
 */
export const serverVadTurnDetectionSchema = strictSchemas.serverVad;
/** What {@link serverVadTurnDetectionSchema} accepts and returns (see its example). */
export type ServerVadTurnDetection = z.output<typeof serverVadTurnDetectionSchema>;

/**
 * Semantic VAD: a model decides when the user has finished. It has no idle timeout.
 *
 * @example
 * ```ts
 * semanticVadTurnDetectionSchema.parse({ type: 'semantic_vad', eagerness: 'auto' });
 * ```
 */
export const semanticVadTurnDetectionSchema = strictSchemas.semanticVad;
/** What {@link semanticVadTurnDetectionSchema} accepts and returns (see its example). */
export type SemanticVadTurnDetection = z.output<typeof semanticVadTurnDetectionSchema>;

/**
 * `audio.input.turn_detection`: server VAD, semantic VAD, or `null` (no turn detection: the
 * client commits the buffer itself, push-to-talk).
 *
 * @example
 * ```ts
 * const result = turnDetectionSchema.safeParse({ type: 'semantic_vad', idle_timeout_ms: 8000 });
 * // result.success === false; the message explains that semantic_vad has no idle timeout
 * ```
 */
export const turnDetectionSchema = strictSchemas.turnDetection;
/**
 * A turn detection object (server or semantic VAD). `null`, "no turn detection", is kept apart
 * so `TurnDetection | null | undefined` can say "set", "off" and "not specified".
 *
 * @example
 * ```ts
 * function hasServerIdleTimeout(td: TurnDetection | null | undefined): boolean {
 *   return td?.type === 'server_vad' && typeof td.idle_timeout_ms === 'number';
 * }
 * ```
 */
export type TurnDetection = NonNullable<z.output<typeof turnDetectionSchema>>;

/** Same shape and type as `turnDetectionSchema` without range checks, for what servers report. */
export const reportedTurnDetectionSchema = permissiveSchemas.turnDetection;

/**
 * Checks an idle timeout before it is sent as `idle_timeout_ms`.
 *
 * @returns the timeout, or null (idle timeout off).
 * @throws RealtimeConfigError unless `ms` is null or an integer in 5000..30000.
 *
 * @example
 * ```ts
 * validateIdleTimeoutMs(8000); // 8000
 * validateIdleTimeoutMs(null); // null
 * validateIdleTimeoutMs(3000); // throws: "... between 5000 and 30000 ms, or null to turn it off; got 3000"
 * ```
 */
export function validateIdleTimeoutMs(ms: unknown): number | null {
  if (ms === null) return null;
  if (typeof ms === 'number' && Number.isInteger(ms) && ms >= IDLE_TIMEOUT_MIN_MS && ms <= IDLE_TIMEOUT_MAX_MS) {
    return ms;
  }
  throw new RealtimeConfigError([{ path: 'idle_timeout_ms', message: idleTimeoutMessage(ms) }]);
}

// Last statement: the schemas above are built; zod's jitless setting is the app's again.
resumeZodJit();
