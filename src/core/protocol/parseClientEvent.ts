import { describeIssues, errorText } from './errors.ts';
import { clientEventSchemaFor, type ClientEvent } from './clientEvents.ts';
import { kitParseOptions } from './issueMessages.ts';

/**
 * The outcome of `parseClientEvent`: the typed event, or why it is not one and the raw data.
 *
 * @example
 * ```ts
 * const result: ParseClientEventResult = parseClientEvent({ type: 'response.cancel' });
 * if (!result.ok) console.warn(result.message);
 * ```
 */
export type ParseClientEventResult =
  | { ok: true; event: ClientEvent }
  | { ok: false; message: string; raw: unknown };

function parseObject(raw: unknown): ParseClientEventResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, raw, message: 'expected a JSON object with a string "type"' };
  }
  const type = (raw as Record<string, unknown>).type;
  if (typeof type !== 'string') return { ok: false, raw, message: 'missing or non-string "type"' };
  const schema = clientEventSchemaFor(type);
  if (schema === undefined) return { ok: false, raw, message: `unknown client event type "${type}"` };
  const result = schema.safeParse(raw, kitParseOptions);
  if (result.success) return { ok: true, event: result.data };
  return { ok: false, raw, message: `${type}: ${describeIssues(result.error.issues)}` };
}

/**
 * Checks a client event (object or JSON text) against the Realtime API's client events. Used
 * before sending, and by emulators that must answer a bad client event with an `error` event as
 * the real API does. Never throws.
 *
 * @example
 * ```ts
 * const result = parseClientEvent({ type: 'conversation.item.truncate', item_id: 'item_1', content_index: 0, audio_end_ms: -5 });
 * if (!result.ok) {
 *   reply({ type: 'error', event_id: 'evt_1', error: { type: 'invalid_request_error', message: result.message } });
 * }
 * ```
 */
export function parseClientEvent(data: unknown): ParseClientEventResult {
  try {
    if (typeof data === 'string') {
      let raw: unknown;
      try {
        raw = JSON.parse(data);
      } catch (error) {
        return { ok: false, raw: data, message: `malformed JSON: ${errorText(error)}` };
      }
      return parseObject(raw);
    }
    return parseObject(data);
  } catch (error) {
    return { ok: false, raw: data, message: `could not read client event: ${errorText(error)}` };
  }
}
