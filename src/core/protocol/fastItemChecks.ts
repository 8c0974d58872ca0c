import { isRecord } from './isRecord.ts';

/**
 * Hand-written twins of the item and response schemas (`items.ts`, `response.ts`), for the
 * fast path of `serverEventFastPath.ts`: every turn brings several `conversation.item.*`,
 * `response.output_item.*` and `response.created/done` events, and zod's nested unions cost
 * two to four times their `JSON.parse`.
 *
 * Each check accepts a value only if its schema does (and zod's output would equal it); it
 * may say no more often (MCP items, item references, response metadata): zod then decides.
 * The equivalence test in test/core/protocol/serverEventFastPath.property.test.ts covers them.
 */

/** `optionalString` (fields.ts) */
export function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** `nullishString` (fields.ts) */
export function isOptionalNullableString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

/** `nullishNumber` (fields.ts): zod 4 takes finite numbers only. */
export function isOptionalNullableNumber(value: unknown): boolean {
  return value === undefined || value === null || Number.isFinite(value);
}

/** `nullishObject` (fields.ts): a loose object of no checked fields. */
function isOptionalNullableRecord(value: unknown): boolean {
  return value === undefined || value === null || isRecord(value);
}

/** `contentPartSchema`: a discriminated union on `type`. */
function isContentPart(part: unknown): boolean {
  if (!isRecord(part)) return false;
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return isOptionalNullableString(part.text);
    case 'input_audio':
    case 'output_audio':
      return isOptionalNullableString(part.audio) && isOptionalNullableString(part.transcript);
    case 'input_image':
      return isOptionalNullableString(part.image_url) && isOptionalNullableString(part.detail);
    default:
      return false;
  }
}

/** Index loops, not `every()`: zod checks the holes of a sparse array too (as undefined). */
export function isArrayOf(value: unknown, check: (element: unknown) => boolean): boolean {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
  return true;
}

function isItemStatus(status: unknown): boolean {
  return status === undefined || status === null || status === 'in_progress' || status === 'completed' || status === 'incomplete';
}

/**
 * `conversationItemSchema` for the items a voice session streams: messages and function
 * calls and their outputs. Other item types say no (zod validates them).
 */
export function isConversationItem(item: unknown): boolean {
  if (
    !isRecord(item) ||
    !isOptionalNullableString(item.id) ||
    !isOptionalNullableString(item.object) ||
    !isItemStatus(item.status)
  ) {
    return false;
  }
  switch (item.type) {
    case 'message':
      return (
        (item.role === 'user' || item.role === 'assistant' || item.role === 'system') &&
        isArrayOf(item.content, isContentPart)
      );
    case 'function_call':
      return isOptionalNullableString(item.call_id) && typeof item.name === 'string' && typeof item.arguments === 'string';
    case 'function_call_output':
      return typeof item.call_id === 'string' && typeof item.output === 'string';
    default:
      return false;
  }
}

function isResponseStatus(status: unknown): boolean {
  return (
    status === undefined ||
    status === null ||
    status === 'in_progress' ||
    status === 'completed' ||
    status === 'cancelled' ||
    status === 'failed' ||
    status === 'incomplete'
  );
}

/** `z.nullish(responseStatusDetailsSchema)` */
function isStatusDetails(details: unknown): boolean {
  if (details === undefined || details === null) return true;
  if (!isRecord(details) || !isOptionalNullableString(details.type) || !isOptionalNullableString(details.reason)) return false;
  const error = details.error;
  return (
    error === undefined ||
    error === null ||
    (isRecord(error) &&
      isOptionalNullableString(error.type) &&
      isOptionalNullableString(error.code) &&
      isOptionalNullableString(error.message))
  );
}

/** `z.nullish(responseUsageSchema)` */
function isUsage(usage: unknown): boolean {
  if (usage === undefined || usage === null) return true;
  return (
    isRecord(usage) &&
    isOptionalNullableNumber(usage.total_tokens) &&
    isOptionalNullableNumber(usage.input_tokens) &&
    isOptionalNullableNumber(usage.output_tokens) &&
    isOptionalNullableRecord(usage.input_token_details) &&
    isOptionalNullableRecord(usage.output_token_details)
  );
}

const isString = (value: unknown): boolean => typeof value === 'string';

/**
 * `realtimeResponseSchema`. A `metadata` object says no: only out-of-band responses carry one,
 * so zod reads those and this check stays as small as the common case needs.
 */
export function isRealtimeResponse(response: unknown): boolean {
  if (!isRecord(response)) return false;
  const { output, output_modalities: modalities, max_output_tokens: maxTokens } = response;
  return (
    isOptionalNullableString(response.id) &&
    isOptionalNullableString(response.object) &&
    isResponseStatus(response.status) &&
    isStatusDetails(response.status_details) &&
    (output === undefined || output === null || isArrayOf(output, isConversationItem)) &&
    isUsage(response.usage) &&
    isOptionalNullableString(response.conversation_id) &&
    (modalities === undefined || modalities === null || isArrayOf(modalities, isString)) &&
    (maxTokens === undefined || maxTokens === null || maxTokens === 'inf' || Number.isFinite(maxTokens)) &&
    (response.metadata === undefined || response.metadata === null)
  );
}
