import { isRecord } from './isRecord.ts';

/** Beta names of assistant content part types, keyed to their GA names. */
const BETA_ASSISTANT_PART_TYPES: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as object, {
    text: 'output_text',
    audio: 'output_audio',
  }),
);


function betaPartType(part: unknown): string | undefined {
  if (!isRecord(part) || typeof part.type !== 'string') return undefined;
  return Object.hasOwn(BETA_ASSISTANT_PART_TYPES, part.type) ? BETA_ASSISTANT_PART_TYPES[part.type] : undefined;
}

/**
 * Rewrites beta content part types on assistant messages (`text` -> `output_text`,
 * `audio` -> `output_audio`). Returns the same object when there is nothing to rewrite, so the
 * GA path allocates nothing; otherwise copies only the item and its content array.
 *
 * @example
 * ```ts
 * normalizeBetaItem({ type: 'message', role: 'assistant', content: [{ type: 'audio', transcript: 'Hi' }] });
 * // { type: 'message', role: 'assistant', content: [{ type: 'output_audio', transcript: 'Hi' }] }
 * ```
 */
export function normalizeBetaItem<T>(item: T): T {
  if (!isRecord(item) || item.type !== 'message' || item.role !== 'assistant') return item;
  const content = item.content;
  if (!Array.isArray(content) || !content.some((part) => betaPartType(part) !== undefined)) return item;
  const normalized = content.map((part: unknown) => {
    const gaType = betaPartType(part);
    return gaType === undefined ? part : { ...(part as Record<string, unknown>), type: gaType };
  });
  return { ...item, content: normalized } as T;
}

/**
 * Normalizes every item of a list (for example `response.output`), copying the list only when
 * one of its items changed.
 *
 * @example
 * ```ts
 * const output = normalizeBetaItems(response.output);
 * ```
 */
export function normalizeBetaItems<T>(items: T): T {
  if (!Array.isArray(items)) return items;
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const normalized: unknown = normalizeBetaItem(items[i]);
    if (normalized !== items[i]) {
      copy ??= items.slice();
      copy[i] = normalized;
    }
  }
  return (copy ?? items) as T;
}
