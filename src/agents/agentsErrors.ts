import type { RealtimeSession as AgentsRealtimeSession } from '@openai/agents-realtime';
import { redactError, redactSecrets } from '../core/openaiApi/redactSecrets.ts';
import { RealtimeTransportError } from '../core/transport/RealtimeTransportError.ts';

// Errors between the SDK and the kit. The kit reads the server's `error` events from the raw
// stream like any other event and reports them; what it reports never carries the key.

/** A server `error` event as the SDK wraps it in its session's `'error'` (`{ type: 'error', error: <wire event> }`). */
function isServerErrorEvent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'error' && typeof (error as { error?: unknown }).error === 'object';
}

/**
 * Listen to the SDK session's `'error'` while the kit is connected; returns the unsubscribe.
 *
 * In Node the SDK's emitter is `node:events`, which throws an `'error'` nobody listens to, and the
 * SDK emits a server `error` event from inside the socket's message handler: the throw skipped
 * the rest of that handler (its response.create bookkeeping among it, so the next
 * `response.create` waited forever). A server error needs no one else: the kit reports it. Any
 * other SDK error (a tool, a guardrail) is the app's to handle on `agentSession.on('error')`;
 * when nobody does, it is logged rather than lost.
 */
export function watchAgentsErrors(agentSession: AgentsRealtimeSession, isOpen: () => boolean): () => void {
  const onError = (event: { error: unknown }) => {
    // A failure while connecting is what connect() rejects with: the kit reports it.
    if (isServerErrorEvent(event.error) || !isOpen()) return;
    const listenerCount = (agentSession as { listenerCount?: (type: string) => number }).listenerCount;
    if (typeof listenerCount === 'function' && listenerCount.call(agentSession, 'error') === 1) {
      console.error('react-realtime-kit/agents: the Agents SDK session reported an error; handle it with agentSession.on("error").', event.error);
    }
  };
  agentSession.on('error', onError);
  return () => {
    agentSession.off('error', onError);
  };
}

/** A server `error` event with every secret taken out of its message; any other event as it is. */
export function withoutSecrets(event: object, secrets: readonly string[]): object {
  if ((event as { type?: unknown }).type !== 'error') return event;
  const error = (event as { error?: { message?: unknown } }).error;
  if (typeof error !== 'object' || error === null || typeof error.message !== 'string') return event;
  const message = redactSecrets(error.message, secrets);
  return message === error.message ? event : { ...event, error: { ...error, message } };
}

/** Why the SDK's `connect()` failed, as a `connect_failed` error that shows no secret. */
export function agentsConnectError(cause: unknown, secrets: readonly string[]): RealtimeTransportError {
  if (cause instanceof RealtimeTransportError) return cause;
  const detail =
    cause instanceof Error
      ? cause.message
      : typeof (cause as { message?: unknown } | null)?.message === 'string'
        ? (cause as { message: string }).message
        : String(cause);
  return new RealtimeTransportError('connect_failed', `The Agents SDK could not connect: ${redactSecrets(detail, secrets)}`, {
    cause: redactError(cause, secrets),
  });
}
