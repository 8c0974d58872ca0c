import type * as z from 'zod/mini';

/** The `type` an event schema's literal names (`z.looseObject({ type: z.literal(type), ... })`). Internal. */
export function eventTypeOf<const T extends string>(schema: { shape: { type: z.ZodMiniLiteral<T> } }): T {
  return schema.shape.type.def.values[0]!;
}
