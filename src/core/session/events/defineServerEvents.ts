import { safeParse } from 'zod/mini';
import type * as z from 'zod/mini';
import { serverEventRoute } from '../../protocol/serverEventRoutes.ts';
import { describeIssues, errorText, RealtimeConfigError } from '../../protocol/errors.ts';
import { kitParseOptions } from '../../protocol/issueMessages.ts';
import type { CheckedServerEventSchemas, CustomServerEvents, CustomServerEventSchemas } from './customServerEventTypes.ts';
import type { SessionEvent, UnknownServerEvent } from './sessionEventTypes.ts';

// Session event names (and '*') have no dot, so requiring one refuses them all without a list
// of names to keep in sync; the kit's wire types, beta aliases included, are its routes.
const NOT_A_WIRE_TYPE = 'is not a wire event type (those contain a dot, like "conversation.item.summary_ready")';

/**
 * Teach the kit server events it does not know yet: a zod 4 schema (classic or mini) per wire
 * type. Pass the result as the `serverEvents` option of `createRealtimeSession` or
 * `RealtimeProvider`; each message of a registered type is validated with its schema and
 * arrives as its own session event (its `type` is the wire type), typed by the schema's output,
 * through `session.on` and `useRealtimeEvents`. The raw `server_event` pass-through still fires
 * (with `known: false`). A payload that fails its schema becomes an `error` event (source
 * `protocol`, code `invalid_custom_server_event`) and nothing else: no crash, no transcript change.
 *
 * The kit's own events cannot be redefined by accident: a type the kit knows (any server event,
 * beta names included) or a name that is not a dotted wire type (every session event name, `'*'`)
 * is refused by the compiler and throws `RealtimeConfigError` here.
 *
 * @example
 * ```ts
 * import * as z from 'zod/mini';
 *
 * const serverEvents = defineServerEvents({
 *   'conversation.item.summary_ready': z.object({ event_id: z.string(), item_id: z.string(), summary: z.string() }),
 * });
 * const session = createRealtimeSession({ transport, serverEvents });
 * session.on('conversation.item.summary_ready', (event) => console.log(event.item_id, event.summary));
 * ```
 */
export function defineServerEvents<const M extends CustomServerEventSchemas>(
  schemas: M & CheckedServerEventSchemas<M>,
): CustomServerEvents<M> {
  const byType = new Map<string, CustomServerEventSchemas[string]>();
  const problems: { path: string; message: string }[] = [];
  for (const type of Object.keys(schemas)) {
    const schema = schemas[type];
    const path = `serverEvents["${type}"]`;
    if (serverEventRoute(type) !== undefined) {
      problems.push({ path, message: 'is an event the kit already knows: it cannot be redefined' });
    } else if (!type.includes('.')) {
      problems.push({ path, message: NOT_A_WIRE_TYPE });
    } else if (typeof schema !== 'object' || schema === null || !('_zod' in schema)) {
      problems.push({ path, message: 'must be a zod 4 schema' });
    } else {
      byType.set(type, schema);
    }
  }
  if (problems.length > 0) throw new RealtimeConfigError(problems);

  return {
    schemas,
    '~receive': (raw, sink) => {
      const schema = byType.get(raw.type);
      if (schema !== undefined) sink.enqueue(validate(schema, raw));
    },
  };
}

/** The typed event (a session event to the emitter: its wire type is its name), or an `error`. */
function validate(schema: CustomServerEventSchemas[string], raw: UnknownServerEvent): SessionEvent {
  let result: z.core.util.SafeParseResult<object>;
  try {
    result = safeParse(schema, raw, kitParseOptions);
  } catch (cause) {
    // A refine or transform that throws (or an async one) is the app's bug, named as such.
    return invalid(raw, `its schema threw: ${errorText(cause)}`);
  }
  if (!result.success) {
    // `conversation.item.summary_ready: summary: Invalid input: expected string, received undefined`
    return invalid(raw, describeIssues(result.error.issues));
  }
  const data = result.data as Record<string, unknown>;
  // The schema may leave `type` out (z.object strips keys it does not list): put it back.
  return (data.type === raw.type ? data : { ...data, type: raw.type }) as unknown as SessionEvent;
}

function invalid(raw: UnknownServerEvent, why: string): SessionEvent {
  return {
    type: 'error',
    error: { source: 'protocol', code: 'invalid_custom_server_event', message: `${raw.type}: ${why}`, cause: raw },
  };
}
