import * as z from 'zod/mini';
import { suspendZodJit } from './suspendZodJit.ts';

// First statement: the schemas below are built without zod's eval probe (see suspendZodJit).
const resumeZodJit = suspendZodJit();

// The leaf schemas most fields share. A schema is immutable, so one instance serves every field
// of its kind: the bundle spells each out once, and the page builds it once.
// A field of a few allowed values is `z.literal([...])`, not `z.enum([...])`: the same check and
// the same issue, and a page ships one schema kind fewer.

/** `z.string()` */
export const string = z.string();
/** A string that may be absent. */
export const optionalString = z.optional(string);
/**
 * A string that may be absent or null (classic zod's `.nullish()` and `.nullable().optional()`
 * are the same schema): every field the official types mark optional may be null on the wire.
 */
export const nullishString = z.nullish(string);
/** A finite number (zod takes no NaN or Infinity). */
export const number = z.number();
/** A number that may be absent or null. */
export const nullishNumber = z.nullish(number);
/** A safe integer (`z.number().int()` in zod's classic API). */
export const int = z.int();
/** `true` or `false`, or absent. */
export const optionalBoolean = z.optional(z.boolean());
/** A loose object of no checked fields, or absent, or null. */
export const nullishObject = z.nullish(z.looseObject({}));
/** `max_output_tokens`: a number, or `"inf"` for no limit. */
export const maxOutputTokens = z.union([number, z.literal('inf')]);
/** A name, or an object of a string `type`: `tool_choice` (`auto`, or a tool) and `truncation`. */
export const nameOrTypedObject = z.union([string, z.looseObject({ type: string })]);

// Last statement: the schemas above are built; zod's jitless setting is the app's again.
resumeZodJit();
