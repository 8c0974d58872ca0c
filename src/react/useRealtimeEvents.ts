import { useInsertionEffect, useRef } from 'react';
import type {
  CustomServerEventSchemas,
  RealtimeEventSelector,
  RealtimeSession,
  RegisteredServerEvents,
  SelectedRealtimeEvent,
  SessionEvent,
  SessionEventSelector,
} from '../core/session/types.ts';
import { useRequiredSession } from './useRequiredSession.ts';

/**
 * Options of {@link useRealtimeEvents}. `M`: the custom server events of the session (inferred
 * from `session`; the provider's are the ones registered through `Register`).
 *
 * @example
 * ```ts
 * const options: UseRealtimeEventsOptions = { session, enabled: isOpen };
 * ```
 */
export interface UseRealtimeEventsOptions<M extends CustomServerEventSchemas = RegisteredServerEvents> {
  /**
   * Use this session instead of the provider's. A session created with `serverEvents` types the
   * handler for its custom server events too.
   */
  session?: RealtimeSession & { readonly '~serverEvents'?: M };
  /** Set false to stop listening without unmounting. Default true. */
  enabled?: boolean;
}

// Event type names never contain a comma, so a joined list is a stable dependency even when
// the caller writes the array inline.
const SEPARATOR = ',';

/**
 * Call `handler` for each session event of the given type(s), in the order the session emits
 * them (wire order). The handler's argument is typed by the types given: one name, a list of
 * names (a union), or `'*'` for every event including raw `server_event` pass-throughs. The wire
 * types of custom server events (`defineServerEvents`) are names too, typed by their schemas: for
 * an explicit `session` created with them, or for the provider's once they are registered through
 * `Register` (see "Custom server events" in the README).
 *
 * The latest `handler` is called without resubscribing, so an inline arrow function is fine. A
 * handler that throws does not break other subscribers: the session reports it as an `error`
 * event. The subscription is in place before any layout or passive effect (`useLayoutEffect`,
 * `useEffect`) of the commit that mounts the component runs, so events emitted from those
 * effects, children's included, arrive; events emitted before that commit are not replayed.
 *
 * @example
 * ```tsx
 * useRealtimeEvents('input_audio_timeout_triggered', (event) => {
 *   analytics.track('idle', { silenceMs: event.audioEndMs - event.audioStartMs, count: event.count });
 * });
 *
 * useRealtimeEvents(['speech_started', 'speech_stopped'], (event) => {
 *   setListening(event.type === 'speech_started');
 * });
 * ```
 */
export function useRealtimeEvents<
  T extends RealtimeEventSelector<M>,
  M extends CustomServerEventSchemas = RegisteredServerEvents,
>(
  typeOrTypes: T | readonly T[],
  // The custom events come from the session (or `Register`), never from how the app annotated
  // the handler's parameter: inferred from that, every name would read as a custom event.
  handler: (event: SelectedRealtimeEvent<T, NoInfer<M>>) => void,
  options?: UseRealtimeEventsOptions<M>,
): void {
  const session = useRequiredSession(options?.session, 'useRealtimeEvents');
  const enabled = options?.enabled ?? true;
  const handlerRef = useRef(handler);
  // Insertion effects run before any layout or passive effect of the same commit, so an event
  // emitted from a child's effect already reaches the handler of this render.
  useInsertionEffect(() => {
    handlerRef.current = handler;
  });
  const typesKey = typeof typeOrTypes === 'string' ? typeOrTypes : typeOrTypes.join(SEPARATOR);

  // Subscribe in an insertion effect, not a passive one: insertion effects of a commit all run
  // before any of its layout or passive effects, so an event emitted by an effect of the same
  // commit (a child's, or an earlier hook's in this component, such as `useIdleTimeout` applying
  // an invalid policy) finds this subscription in place. A layout effect would also do on the
  // client, but React 18 warns about it during server rendering, and telling the server apart
  // means reading `document`, which this layer never does at import or render. Subscribing
  // schedules no update, which is all insertion effects forbid.
  useInsertionEffect(() => {
    if (!enabled || typesKey === '') return undefined;
    // Custom wire types are plain names to the session at run time; the types were checked above.
    const types = typesKey.split(SEPARATOR) as SessionEventSelector[];
    return session.on(types, (event: SessionEvent) => handlerRef.current(event as SelectedRealtimeEvent<T, M>));
  }, [session, typesKey, enabled]);
}
