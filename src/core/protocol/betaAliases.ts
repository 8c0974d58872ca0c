import { normalizeBetaItem, normalizeBetaItems } from './betaItems.ts';
import { normalizeBetaSession } from './betaSession.ts';

/**
 * Beta server event names and the GA names they are normalized to before validation.
 * A null-prototype object, so wire strings like `__proto__` never match by accident.
 *
 * @example
 * ```ts
 * BETA_SERVER_EVENT_ALIASES['response.audio.delta']; // 'response.output_audio.delta'
 * ```
 */
export const BETA_SERVER_EVENT_ALIASES: Readonly<Record<string, string>> = Object.freeze(
  Object.assign(Object.create(null) as object, {
    'response.audio.delta': 'response.output_audio.delta',
    'response.audio.done': 'response.output_audio.done',
    'response.audio_transcript.delta': 'response.output_audio_transcript.delta',
    'response.audio_transcript.done': 'response.output_audio_transcript.done',
    'response.text.delta': 'response.output_text.delta',
    'response.text.done': 'response.output_text.done',
    'conversation.item.created': 'conversation.item.added',
  }),
);

/**
 * The GA name for a beta event name, or undefined when `type` is not a beta alias.
 *
 * @example
 * ```ts
 * gaServerEventType('response.text.delta'); // 'response.output_text.delta'
 * gaServerEventType('response.done'); // undefined
 * ```
 */
export function gaServerEventType(type: string): string | undefined {
  return Object.hasOwn(BETA_SERVER_EVENT_ALIASES, type) ? BETA_SERVER_EVENT_ALIASES[type] : undefined;
}

function withField(event: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  return event[key] === value ? event : { ...event, [key]: value };
}

/**
 * Brings a server event whose type is known (GA or beta) to GA form: renames a beta `type`,
 * and rewrites beta item content types and beta session shapes inside it. Only the objects on
 * the changed path are copied; a GA event comes back as the very same object.
 *
 * @param gaType the GA type for this event (its own type, or the alias target).
 *
 * @example
 * ```ts
 * normalizeBetaServerEvent({ type: 'response.text.delta', delta: 'Hi' }, 'response.output_text.delta');
 * // { type: 'response.output_text.delta', delta: 'Hi' }
 * ```
 */
export function normalizeBetaServerEvent(event: Record<string, unknown>, gaType: string): Record<string, unknown> {
  let out = withField(event, 'type', gaType);
  switch (gaType) {
    case 'conversation.item.added':
    case 'conversation.item.done':
    case 'conversation.item.retrieved':
    case 'response.output_item.added':
    case 'response.output_item.done':
      out = withField(out, 'item', normalizeBetaItem(out.item));
      break;
    case 'response.created':
    case 'response.done': {
      const response = out.response;
      if (typeof response === 'object' && response !== null && 'output' in response) {
        const output = (response as Record<string, unknown>).output;
        const normalized = normalizeBetaItems(output);
        if (normalized !== output) out = { ...out, response: { ...response, output: normalized } };
      }
      break;
    }
    case 'session.created':
    case 'session.updated':
      out = withField(out, 'session', normalizeBetaSession(out.session));
      break;
  }
  return out;
}
