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

/** A rewrite of beta shapes nested in one event type; returns its input when there is nothing to do. */
export type BetaEventNormalizer = (event: Record<string, unknown>) => Record<string, unknown>;

const normalizeItemEvent: BetaEventNormalizer = (event) => withField(event, 'item', normalizeBetaItem(event.item));

const normalizeResponseEvent: BetaEventNormalizer = (event) => {
  const response = event.response;
  if (typeof response !== 'object' || response === null || !('output' in response)) return event;
  const output = (response as Record<string, unknown>).output;
  const normalized = normalizeBetaItems(output);
  return normalized === output ? event : { ...event, response: { ...response, output: normalized } };
};

const normalizeSessionEvent: BetaEventNormalizer = (event) =>
  withField(event, 'session', normalizeBetaSession(event.session));

/**
 * The rewrite of nested beta shapes (assistant content part types, beta session fields) that
 * events of this GA type may need, or undefined for the many types that carry neither, so the
 * hot path can skip normalization with no work at all.
 *
 * @example
 * ```ts
 * betaNormalizerFor('response.output_audio.delta'); // undefined
 * betaNormalizerFor('conversation.item.added')?.(event);
 * ```
 */
export function betaNormalizerFor(gaType: string): BetaEventNormalizer | undefined {
  switch (gaType) {
    case 'conversation.item.added':
    case 'conversation.item.done':
    case 'conversation.item.retrieved':
    case 'response.output_item.added':
    case 'response.output_item.done':
      return normalizeItemEvent;
    case 'response.created':
    case 'response.done':
      return normalizeResponseEvent;
    case 'session.created':
    case 'session.updated':
      return normalizeSessionEvent;
    default:
      return undefined;
  }
}
